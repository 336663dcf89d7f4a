package org.deckhand.catalog.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.deckhand.api.analysis.AnalysisResult;
import org.deckhand.api.catalog.AnalyserRun;
import org.deckhand.api.catalog.AnalysisFailure;
import org.deckhand.api.catalog.AnalysisLedger;
import org.deckhand.api.catalog.AnalysisOutcome;
import org.deckhand.api.catalog.AnalysisPriority;
import org.deckhand.api.catalog.QueuedTrack;

/**
 * The analysis ledger in the catalog's database: tables {@code analysis_queue}, {@code analyser_run} and {@code
 * analysis_attempt}. The queue is ordered by priority, then most recently queued first; a track requested again at the
 * same or a higher priority moves to the front of that priority.
 */
final class DerbyAnalysisLedger implements AnalysisLedger {

    private final Database database;

    DerbyAnalysisLedger(Database database) {
        this.database = database;
    }

    @Override
    public void request(Collection<Long> trackIds, AnalysisPriority priority, boolean forgetRuns) {
        database.transaction("queue " + trackIds.size() + " tracks for analysis", connection -> {
            try (PreparedStatement requeue = connection.prepareStatement(
                    "DELETE FROM analysis_queue WHERE track_id = ? AND priority <= ?");
                    PreparedStatement insert = connection.prepareStatement("INSERT INTO analysis_queue (track_id, "
                            + "priority, requested_millis) SELECT id, ?, ? FROM track WHERE id = ? AND NOT EXISTS "
                            + "(SELECT 1 FROM analysis_queue WHERE track_id = ?)");
                    PreparedStatement forget = connection.prepareStatement(
                            "DELETE FROM analyser_run WHERE track_id = ?");
                    PreparedStatement release = connection.prepareStatement(
                            "DELETE FROM analysis_attempt WHERE track_id = ?")) {
                long now = System.currentTimeMillis();
                for (long trackId : trackIds) {
                    requeue.setLong(1, trackId);
                    requeue.setInt(2, priority.ordinal());
                    requeue.addBatch();
                    insert.setInt(1, priority.ordinal());
                    insert.setLong(2, now);
                    insert.setLong(3, trackId);
                    insert.setLong(4, trackId);
                    insert.addBatch();
                    if (forgetRuns) {
                        forget.setLong(1, trackId);
                        forget.addBatch();
                        release.setLong(1, trackId);
                        release.addBatch();
                    }
                }
                requeue.executeBatch();
                insert.executeBatch();
                forget.executeBatch();
                release.executeBatch();
            }
            return null;
        });
    }

    @Override
    public int requestUnanalysed(String analyserId, String analyserVersion) {
        return database.transaction("queue the tracks " + analyserId + " has not analysed", connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO analysis_queue (track_id, "
                    + "priority, requested_millis) SELECT t.id, ?, ? FROM track t WHERE t.missing_since_millis IS NULL "
                    + "AND NOT EXISTS (SELECT 1 FROM analysis_queue q WHERE q.track_id = t.id) "
                    + "AND NOT EXISTS (SELECT 1 FROM analysis_attempt a WHERE a.track_id = t.id AND a.stopped_server) "
                    + "AND NOT EXISTS (SELECT 1 FROM analyser_run r WHERE r.track_id = t.id "
                    + "AND r.analyser_id = ? AND r.analyser_version = ?) ORDER BY t.id")) {
                insert.setInt(1, AnalysisPriority.BACKFILL.ordinal());
                insert.setLong(2, System.currentTimeMillis());
                insert.setString(3, analyserId);
                insert.setString(4, analyserVersion);
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public List<QueuedTrack> head(int limit) {
        return database.transaction("read the analysis queue", connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT q.track_id, t.path, q.priority "
                    + "FROM analysis_queue q JOIN track t ON t.id = q.track_id "
                    + "ORDER BY q.priority DESC, q.queued_order DESC")) {
                query.setMaxRows(limit);
                List<QueuedTrack> queued = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        queued.add(new QueuedTrack(rows.getLong(1), Path.of(rows.getString(2)),
                                AnalysisPriority.values()[rows.getInt(3)]));
                    }
                }
                return queued;
            }
        });
    }

    @Override
    public void remove(long trackId) {
        database.transaction("take track " + trackId + " off the analysis queue", connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM analysis_queue WHERE track_id = ?")) {
                delete.setLong(1, trackId);
                return delete.executeUpdate();
            }
        });
    }

    @Override
    public int size() {
        return database.transaction("count the analysis queue", connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM analysis_queue");
                    ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        });
    }

    @Override
    public List<AnalyserRun> runs(long trackId) {
        return database.transaction("read the analyser runs of track " + trackId, connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT * FROM analyser_run WHERE track_id = ? ORDER BY analyser_id")) {
                query.setLong(1, trackId);
                List<AnalyserRun> runs = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        runs.add(RunRows.read(rows));
                    }
                }
                return runs;
            }
        });
    }

    @Override
    public void recordFailure(long trackId, String analyserId, String analyserVersion, String reason) {
        database.transaction("record the failure of " + analyserId + " on track " + trackId, connection -> {
            if (trackExists(connection, trackId)) {
                fail(connection, trackId, analyserId, analyserVersion, reason);
            }
            return null;
        });
    }

    @Override
    public List<AnalysisOutcome.Failure> record(long trackId, AnalysisOutcome outcome) {
        return database.transaction("store the analysis of track " + trackId, connection -> {
            if (!trackExists(connection, trackId)) {
                return List.of();
            }
            List<AnalysisOutcome.Failure> failures = new ArrayList<>(outcome.failures());
            for (AnalysisResult result : outcome.results()) {
                String refused = storeAlone(connection, trackId, result);
                if (refused != null) {
                    failures.add(new AnalysisOutcome.Failure(result.analyserId(), result.analyserVersion(),
                            "its result could not be stored: " + refused));
                }
            }
            for (AnalysisOutcome.Failure failure : failures) {
                fail(connection, trackId, failure.analyserId(), failure.analyserVersion(), failure.reason());
            }
            if (outcome.sha256() != null) {
                TrackRows.setSha256(connection, trackId, outcome.sha256());
            }
            return failures;
        });
    }

    /**
     * Stores one result behind a savepoint, so that a value the database refuses undoes this result alone.
     *
     * @return why the database refused the result, or null when it is stored
     * @throws SQLException if the database fails otherwise
     */
    private static String storeAlone(Connection connection, long trackId, AnalysisResult result)
            throws SQLException {
        Savepoint before = connection.setSavepoint();
        try {
            AnalysisRows.replace(connection, trackId, result);
            connection.releaseSavepoint(before);
            return null;
        } catch (SQLException e) {
            if (!refusedValue(e)) {
                throw e;
            }
            connection.rollback(before);
            return e.getMessage();
        } catch (IllegalArgumentException e) {
            connection.rollback(before);
            return e.getMessage();
        }
    }

    /** @return whether the database refused a value (SQL state class 22, data exception), not failed itself */
    private static boolean refusedValue(SQLException e) {
        for (SQLException link = e; link != null; link = link.getNextException()) {
            if (link.getSQLState() != null && link.getSQLState().startsWith("22")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public List<AnalysisFailure> failures(int limit) {
        return database.transaction("read the analysis failures", connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT r.*, t.path FROM analyser_run r "
                    + "JOIN track t ON t.id = r.track_id WHERE r.failure IS NOT NULL ORDER BY r.finished_millis DESC")) {
                query.setMaxRows(limit);
                List<AnalysisFailure> failures = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        failures.add(new AnalysisFailure(rows.getLong("track_id"), Path.of(rows.getString("path")),
                                RunRows.read(rows)));
                    }
                }
                return failures;
            }
        });
    }

    @Override
    public void beginAttempt(long trackId, Map<String, String> analyserVersions) {
        database.transaction("record the analysis attempt of track " + trackId, connection -> {
            deleteAttempt(connection, trackId);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO analysis_attempt (track_id, "
                    + "analyser_id, analyser_version, started_millis) SELECT id, ?, ?, ? FROM track WHERE id = ?")) {
                long now = System.currentTimeMillis();
                for (Map.Entry<String, String> analyser : analyserVersions.entrySet()) {
                    insert.setString(1, analyser.getKey());
                    insert.setString(2, analyser.getValue());
                    insert.setLong(3, now);
                    insert.setLong(4, trackId);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    @Override
    public void endAttempt(long trackId) {
        database.transaction("clear the analysis attempt of track " + trackId, connection -> {
            deleteAttempt(connection, trackId);
            return null;
        });
    }

    @Override
    public List<Long> quarantineInterrupted(String reason) {
        return database.transaction("quarantine the tracks whose analysis stopped the server", connection -> {
            Collection<Long> tracks = new TreeSet<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT track_id, analyser_id, "
                    + "analyser_version FROM analysis_attempt WHERE NOT stopped_server");
                    ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    long trackId = rows.getLong(1);
                    fail(connection, trackId, rows.getString(2), rows.getString(3), reason);
                    tracks.add(trackId);
                }
            }
            try (PreparedStatement dequeue = connection.prepareStatement(
                    "DELETE FROM analysis_queue WHERE track_id = ?")) {
                for (long trackId : tracks) {
                    dequeue.setLong(1, trackId);
                    dequeue.addBatch();
                }
                dequeue.executeBatch();
            }
            try (PreparedStatement mark = connection.prepareStatement(
                    "UPDATE analysis_attempt SET stopped_server = TRUE WHERE NOT stopped_server")) {
                mark.executeUpdate();
            }
            return List.copyOf(tracks);
        });
    }

    /** Records an analyser's failed run over a track and deletes its earlier results, which no longer hold. */
    private static void fail(Connection connection, long trackId, String analyserId, String analyserVersion,
            String reason) throws SQLException {
        AnalysisRows.delete(connection, trackId, analyserId);
        RunRows.record(connection, trackId, analyserId, analyserVersion, reason);
    }

    private static void deleteAttempt(Connection connection, long trackId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM analysis_attempt WHERE track_id = ?")) {
            delete.setLong(1, trackId);
            delete.executeUpdate();
        }
    }

    private static boolean trackExists(Connection connection, long trackId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM track WHERE id = ?")) {
            query.setLong(1, trackId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }
}
