package org.deckhand.catalog.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.deckhand.api.catalog.AnalyserRun;

/** Table {@code analyser_run}: the latest run of each analyser over each track, successful or failed. */
final class RunRows {

    private RunRows() {
    }

    /**
     * Records an analyser's run over a track, replacing its previous one.
     *
     * @param failure why it failed, or null when it succeeded
     * @throws SQLException if the database fails
     */
    static void record(Connection connection, long trackId, String analyserId, String analyserVersion,
            String failure) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM analyser_run WHERE track_id = ? AND analyser_id = ?")) {
            delete.setLong(1, trackId);
            delete.setString(2, analyserId);
            delete.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO analyser_run (track_id, analyser_id,"
                + " analyser_version, failure, finished_millis) VALUES (?, ?, ?, ?, ?)")) {
            insert.setLong(1, trackId);
            insert.setString(2, analyserId);
            insert.setString(3, analyserVersion);
            insert.setString(4, failure == null ? null : truncate(failure));
            insert.setLong(5, System.currentTimeMillis());
            insert.executeUpdate();
        }
    }

    /**
     * @return the run in the current row of a query over {@code analyser_run}
     * @throws SQLException if the database fails
     */
    static AnalyserRun read(ResultSet row) throws SQLException {
        return new AnalyserRun(row.getString("analyser_id"), row.getString("analyser_version"),
                row.getString("failure"), Instant.ofEpochMilli(row.getLong("finished_millis")));
    }

    private static String truncate(String failure) {
        return failure.length() <= 2048 ? failure : failure.substring(0, 2047) + "…";
    }
}
