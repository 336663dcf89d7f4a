package org.deckhand.catalog.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.deckhand.api.analysis.AnalysisResult;
import org.deckhand.api.catalog.AnalyserRun;
import org.deckhand.api.catalog.AnalysisFailure;
import org.deckhand.api.catalog.AnalysisLedger;
import org.deckhand.api.catalog.AnalysisOutcome;
import org.deckhand.api.catalog.Annotations;
import org.deckhand.api.catalog.AnalysisPriority;
import org.deckhand.api.catalog.Catalog;
import org.deckhand.api.catalog.CatalogException;
import org.deckhand.api.catalog.CatalogTrack;
import org.deckhand.api.catalog.Crates;
import org.deckhand.api.catalog.LibraryStats;
import org.deckhand.api.catalog.NewTrack;
import org.deckhand.api.catalog.Problem;
import org.deckhand.api.catalog.QueuedTrack;
import org.deckhand.api.catalog.Shelves;
import org.deckhand.api.database.EmbeddedDatabases;
import org.deckhand.api.library.AudioFile;
import org.deckhand.api.library.TrackMetadata;
import org.deckhand.api.runtime.RuntimeProperties;
import org.deckhand.api.tracklist.EntryMatch;
import org.deckhand.api.tracklist.StoredTracklist;
import org.deckhand.api.tracklist.Tracklist;
import org.deckhand.api.tracklist.TracklistStore;
import org.deckhand.api.tracklist.TracklistSummary;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalog in an embedded Apache Derby database, {@code DATA/catalog/db}, its schema brought up to date by
 * {@link Migrations} at start. Each method runs in one transaction on its own connection. The same component is the
 * {@link AnalysisLedger}, kept by {@link DerbyAnalysisLedger} in the same database, the {@link TracklistStore}, kept
 * by {@link DerbyTracklistStore}, the {@link Annotations}, kept by {@link DerbyAnnotations}, the {@link Crates}, kept
 * by {@link DerbyCrates}, and the {@link Shelves}, read by {@link DerbyShelves}.
 */
@Component(service = {Catalog.class, AnalysisLedger.class, TracklistStore.class, Annotations.class, Crates.class,
    Shelves.class}, immediate = true)
public final class DerbyCatalog implements Catalog, AnalysisLedger, TracklistStore, Annotations, Crates, Shelves {

    private static final Logger LOG = LoggerFactory.getLogger(DerbyCatalog.class);
    private static final String INSERT = "INSERT INTO track (" + TrackRows.WRITTEN_COLUMNS + ", added_millis) VALUES ("
            + "?, ".repeat(TrackRows.WRITTEN_COUNT) + "?)";

    /**
     * Rows {@link #markIndexed} updates in one transaction: well under Derby's lock escalation threshold (5,000 row
     * locks of one table turn into a lock of the whole table, which would stop the scan and the API while it lasts);
     * in id order, so that two markings never deadlock.
     */
    private static final int MARKS_PER_TRANSACTION = 500;

    private final Database database;
    private final AnalysisLedger ledger;
    private final TracklistStore tracklists;
    private final Annotations annotations;
    private final Crates crates;
    private final Shelves shelves;

    /**
     * Opens the catalog in the data folder.
     *
     * @param context this bundle's context, for the data folder
     * @param engine the server's Derby engine
     * @throws SQLException if the database cannot be opened or migrated
     * @throws IOException if its folder cannot be created
     */
    @Activate
    public DerbyCatalog(BundleContext context, @Reference EmbeddedDatabases engine) throws SQLException, IOException {
        this(Path.of(context.getProperty(RuntimeProperties.DATA), "catalog"), engine);
    }

    /**
     * Opens the catalog in a folder, creating its database when the folder holds none.
     *
     * @param folder the catalog's folder, {@code DATA/catalog} in the server
     * @param engine the Derby engine the database is opened in
     * @throws SQLException if the database cannot be opened or migrated
     * @throws IOException if the folder cannot be created
     */
    public DerbyCatalog(Path folder, EmbeddedDatabases engine) throws SQLException, IOException {
        Files.createDirectories(folder);
        database = new Database(engine, folder.resolve("db"));
        ledger = new DerbyAnalysisLedger(database);
        tracklists = new DerbyTracklistStore(database);
        annotations = new DerbyAnnotations(database);
        crates = new DerbyCrates(database);
        shelves = new DerbyShelves(database);
        Connection connection = database.connect();
        try {
            int version = Migrations.migrate(connection);
            LOG.info("Catalog open in {} (schema version {})", database.folder(), version);
        } catch (SQLException | IOException e) {
            database.close();
            throw e;
        } finally {
            database.release(connection);
        }
    }

    /**
     * Shuts the database down.
     *
     * @throws SQLException if Derby fails to shut it down
     */
    @Deactivate
    public void close() throws SQLException {
        database.close();
    }

    @Override
    public CatalogTrack add(AudioFile file, TrackMetadata metadata, Instant added) {
        return transaction("add " + file.path(), connection -> {
            long id;
            try (PreparedStatement insert = connection.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS)) {
                id = insert(insert, file, metadata, added);
            }
            return read(connection, id).orElseThrow();
        });
    }

    private static long insert(PreparedStatement insert, AudioFile file, TrackMetadata metadata, Instant added)
            throws SQLException {
        TrackRows.bindFile(insert, file);
        TrackRows.bindMetadata(insert, metadata);
        insert.setLong(TrackRows.WRITTEN_COUNT + 1, added.toEpochMilli());
        insert.executeUpdate();
        try (ResultSet keys = insert.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }

    @Override
    public List<Long> addAll(List<NewTrack> tracks, Instant added) {
        return transaction("add " + tracks.size() + " tracks", connection -> {
            List<Long> ids = new ArrayList<>(tracks.size());
            try (PreparedStatement insert = connection.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS)) {
                for (NewTrack track : tracks) {
                    ids.add(insert(insert, track.file(), track.metadata(), added));
                }
            }
            return ids;
        });
    }

    @Override
    public CatalogTrack update(long trackId, AudioFile file, TrackMetadata metadata) {
        return transaction("update track " + trackId, connection -> {
            String assignments = String.join(" = ?, ", TrackRows.WRITTEN_COLUMNS.split(", ")) + " = ?";
            try (PreparedStatement update = connection.prepareStatement("UPDATE track SET " + assignments
                    + ", missing_since_millis = NULL, " + TrackRows.TOUCH + " WHERE id = ?")) {
                TrackRows.bindFile(update, file);
                TrackRows.bindMetadata(update, metadata);
                update.setLong(TrackRows.WRITTEN_COUNT + 1, trackId);
                requireOne(update.executeUpdate(), trackId);
            }
            return read(connection, trackId).orElseThrow();
        });
    }

    @Override
    public void move(long trackId, Path newPath) {
        transaction("move track " + trackId + " to " + newPath, connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE track SET path = ?, path_key = ?, missing_since_millis = NULL, " + TrackRows.TOUCH
                            + " WHERE id = ?")) {
                update.setString(1, newPath.toString());
                update.setString(2, TrackRows.pathKey(newPath));
                update.setLong(3, trackId);
                return requireOne(update.executeUpdate(), trackId);
            }
        });
    }

    @Override
    public void setSha256(long trackId, String sha256) {
        transaction("record the SHA-256 of track " + trackId, connection -> {
            TrackRows.setSha256(connection, trackId, sha256);
            return null;
        });
    }

    @Override
    public void markMissing(long trackId, Instant since) {
        execute("UPDATE track SET missing_since_millis = ? WHERE id = ? AND missing_since_millis IS NULL",
                "mark track " + trackId + " missing", since.toEpochMilli(), trackId);
    }

    @Override
    public List<Long> purgeMissing(Instant missingBefore) {
        return transaction("purge missing tracks", connection -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT id FROM track WHERE missing_since_millis < ? ORDER BY id")) {
                query.setLong(1, missingBefore.toEpochMilli());
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getLong(1));
                    }
                }
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM track WHERE id = ?")) {
                for (long id : ids) {
                    delete.setLong(1, id);
                    delete.addBatch();
                }
                delete.executeBatch();
            }
            return ids;
        });
    }

    @Override
    public void saveAnalysis(long trackId, AnalysisResult result) {
        transaction("save " + result.analyserId() + " results of track " + trackId, connection -> {
            AnalysisRows.replace(connection, trackId, result);
            return null;
        });
    }

    @Override
    public Optional<CatalogTrack> get(long trackId) {
        return transaction("read track " + trackId, connection -> read(connection, trackId));
    }

    @Override
    public List<CatalogTrack> getAll(List<Long> trackIds) {
        return transaction("read " + trackIds.size() + " tracks", connection -> {
            List<CatalogTrack> tracks = new ArrayList<>(trackIds.size());
            for (long trackId : trackIds) {
                read(connection, trackId).ifPresent(tracks::add);
            }
            return tracks;
        });
    }

    @Override
    public Optional<CatalogTrack> findByPath(Path path) {
        List<CatalogTrack> found = select("WHERE path_key = ?", "find " + path, TrackRows.pathKey(path));
        return found.stream().findFirst();
    }

    @Override
    public void forEach(Consumer<CatalogTrack> consumer) {
        transaction("read every track", connection -> {
            try (Statement query = connection.createStatement();
                    ResultSet rows = query.executeQuery("SELECT " + TrackRows.READ_COLUMNS + " FROM track ORDER BY id");
                    AnalysisRows.Cursor analyses = new AnalysisRows.Cursor(connection, 0, Long.MAX_VALUE, false)) {
                while (rows.next()) {
                    consumer.accept(TrackRows.read(rows, analyses.resultsOf(rows.getLong("id"))));
                }
            }
            return null;
        });
    }

    @Override
    public List<Long> staleInIndex(long afterId, int limit) {
        return transaction("list the tracks stale in the search index", connection -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT id FROM track WHERE index_stale = TRUE AND id > ? ORDER BY id")) {
                query.setLong(1, afterId);
                query.setMaxRows(limit);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getLong(1));
                    }
                }
            }
            return ids;
        });
    }

    @Override
    public void markIndexed(Map<Long, Long> revisions) {
        List<Map.Entry<Long, Long>> inOrder = new ArrayList<>(new TreeMap<>(revisions).entrySet());
        for (int from = 0; from < inOrder.size(); from += MARKS_PER_TRANSACTION) {
            List<Map.Entry<Long, Long>> marks = inOrder.subList(from,
                    Math.min(inOrder.size(), from + MARKS_PER_TRANSACTION));
            transaction("mark " + marks.size() + " tracks indexed", connection -> {
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE track SET index_stale = FALSE WHERE id = ? AND revision = ?")) {
                    for (Map.Entry<Long, Long> mark : marks) {
                        update.setLong(1, mark.getKey());
                        update.setLong(2, mark.getValue());
                        update.addBatch();
                    }
                    update.executeBatch();
                }
                return null;
            });
        }
    }

    @Override
    public List<List<Long>> duplicates() {
        return transaction("find duplicates", connection -> {
            Map<String, List<Long>> groups = new LinkedHashMap<>();
            try (Statement query = connection.createStatement();
                    ResultSet rows = query.executeQuery("SELECT sha256, id FROM track WHERE sha256 IN "
                            + "(SELECT sha256 FROM track WHERE sha256 IS NOT NULL GROUP BY sha256 HAVING COUNT(*) > 1)"
                            + " ORDER BY sha256, id")) {
                while (rows.next()) {
                    groups.computeIfAbsent(rows.getString(1), k -> new ArrayList<>()).add(rows.getLong(2));
                }
            }
            return List.copyOf(groups.values());
        });
    }

    @Override
    public void recordProblem(Problem problem) {
        transaction("record the problem of " + problem.path(), connection -> {
            String key = TrackRows.pathKey(problem.path());
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM problem WHERE path_key = ?");
                    PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO problem (path_key, path, reason, seen_millis) VALUES (?, ?, ?, ?)")) {
                delete.setString(1, key);
                delete.executeUpdate();
                insert.setString(1, key);
                insert.setString(2, problem.path().toString());
                insert.setString(3, problem.reason().length() > 2048
                        ? problem.reason().substring(0, 2048) : problem.reason());
                insert.setLong(4, problem.seen().toEpochMilli());
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public void clearProblem(Path path) {
        execute("DELETE FROM problem WHERE path_key = ?", "clear the problem of " + path, TrackRows.pathKey(path));
    }

    @Override
    public List<Problem> problems() {
        return transaction("list problems", connection -> {
            List<Problem> problems = new ArrayList<>();
            try (Statement query = connection.createStatement();
                    ResultSet rows = query.executeQuery("SELECT path, reason, seen_millis FROM problem ORDER BY path")) {
                while (rows.next()) {
                    problems.add(new Problem(Path.of(rows.getString(1)), rows.getString(2),
                            Instant.ofEpochMilli(rows.getLong(3))));
                }
            }
            return problems;
        });
    }

    @Override
    public List<CatalogTrack> tracksWithWarnings() {
        return select("WHERE warnings <> ? ORDER BY path", "list tracks with warnings", "");
    }

    @Override
    public LibraryStats stats() {
        return transaction("compute library statistics", connection -> {
            Map<String, Long> byFormat = new LinkedHashMap<>();
            long tracks = 0;
            double duration = 0;
            long size = 0;
            try (Statement query = connection.createStatement();
                    ResultSet rows = query.executeQuery("SELECT format, COUNT(*), SUM(duration_seconds), "
                            + "SUM(size_bytes) FROM track GROUP BY format ORDER BY format")) {
                while (rows.next()) {
                    byFormat.put(rows.getString(1), rows.getLong(2));
                    tracks += rows.getLong(2);
                    duration += rows.getDouble(3);
                    size += rows.getLong(4);
                }
            }
            long missing = count(connection, "SELECT COUNT(*) FROM track WHERE missing_since_millis IS NOT NULL");
            long duplicateGroups = count(connection, "SELECT COUNT(*) FROM (SELECT sha256 FROM track "
                    + "WHERE sha256 IS NOT NULL GROUP BY sha256 HAVING COUNT(*) > 1) AS groups");
            long problems = count(connection, "SELECT COUNT(*) FROM problem");
            long withWarnings = count(connection, "SELECT COUNT(*) FROM track WHERE warnings <> ''");
            return new LibraryStats(tracks, missing, byFormat, duration, size, duplicateGroups, problems,
                    withWarnings);
        });
    }

    @Override
    public void request(Collection<Long> trackIds, AnalysisPriority priority, boolean forgetRuns) {
        ledger.request(trackIds, priority, forgetRuns);
    }

    @Override
    public int requestUnanalysed(String analyserId, String analyserVersion) {
        return ledger.requestUnanalysed(analyserId, analyserVersion);
    }

    @Override
    public List<QueuedTrack> head(int limit) {
        return ledger.head(limit);
    }

    @Override
    public void remove(long trackId) {
        ledger.remove(trackId);
    }

    @Override
    public int size() {
        return ledger.size();
    }

    @Override
    public List<AnalyserRun> runs(long trackId) {
        return ledger.runs(trackId);
    }

    @Override
    public void recordFailure(long trackId, String analyserId, String analyserVersion, String reason) {
        ledger.recordFailure(trackId, analyserId, analyserVersion, reason);
    }

    @Override
    public List<AnalysisOutcome.Failure> record(long trackId, AnalysisOutcome outcome) {
        return ledger.record(trackId, outcome);
    }

    @Override
    public List<AnalysisFailure> failures(int limit) {
        return ledger.failures(limit);
    }

    @Override
    public void beginAttempt(long trackId, Map<String, String> analyserVersions) {
        ledger.beginAttempt(trackId, analyserVersions);
    }

    @Override
    public void endAttempt(long trackId) {
        ledger.endAttempt(trackId);
    }

    @Override
    public List<Long> quarantineInterrupted(String reason) {
        return ledger.quarantineInterrupted(reason);
    }

    private Optional<CatalogTrack> read(Connection connection, long trackId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT " + TrackRows.READ_COLUMNS + " FROM track WHERE id = ?")) {
            query.setLong(1, trackId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next()
                        ? Optional.of(TrackRows.read(rows, AnalysisRows.of(connection, trackId)))
                        : Optional.empty();
            }
        }
    }

    private List<CatalogTrack> select(String where, String what, Object parameter) {
        return transaction(what, connection -> {
            List<CatalogTrack> tracks = new ArrayList<>();
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT id FROM track " + where)) {
                query.setObject(1, parameter);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getLong(1));
                    }
                }
            }
            for (long id : ids) {
                read(connection, id).ifPresent(tracks::add);
            }
            return tracks;
        });
    }

    private void execute(String sql, String what, Object... parameters) {
        transaction(what, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i]);
                }
                return statement.executeUpdate();
            }
        });
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement query = connection.createStatement(); ResultSet rows = query.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static int requireOne(int updated, long trackId) {
        if (updated != 1) {
            throw new CatalogException("the catalog holds no track " + trackId);
        }
        return updated;
    }

    private <T> T transaction(String what, Database.SqlWork<T> work) {
        return database.transaction(what, work);
    }

    @Override
    public StoredTracklist add(Tracklist tracklist, List<EntryMatch> matches) {
        return tracklists.add(tracklist, matches);
    }

    @Override
    public StoredTracklist replace(long id, Tracklist tracklist, List<EntryMatch> matches) {
        return tracklists.replace(id, tracklist, matches);
    }

    @Override
    public Optional<StoredTracklist> tracklist(long id) {
        return tracklists.tracklist(id);
    }

    @Override
    public Optional<StoredTracklist> findByAddress(String address) {
        return tracklists.findByAddress(address);
    }

    @Override
    public List<TracklistSummary> list(String query, int limit) {
        return tracklists.list(query, limit);
    }

    @Override
    public StoredTracklist setMatch(long id, int position, EntryMatch match) {
        return tracklists.setMatch(id, position, match);
    }

    @Override
    public StoredTracklist link(long id, long recordingTrackId) {
        return tracklists.link(id, recordingTrackId);
    }

    @Override
    public Optional<StoredTracklist> forRecording(long recordingTrackId) {
        return tracklists.forRecording(recordingTrackId);
    }

    @Override
    public boolean delete(long id) {
        return tracklists.delete(id);
    }

    @Override
    public Map<String, Annotation> all() {
        return annotations.all();
    }

    @Override
    public void star(List<String> items, Instant when) {
        annotations.star(items, when);
    }

    @Override
    public void unstar(List<String> items) {
        annotations.unstar(items);
    }

    @Override
    public void rate(String item, int rating) {
        annotations.rate(item, rating);
    }

    @Override
    public void played(String item, Instant when) {
        annotations.played(item, when);
    }

    @Override
    public List<Playlist> playlists() {
        return annotations.playlists();
    }

    @Override
    public Optional<Playlist> playlist(long id) {
        return annotations.playlist(id);
    }

    @Override
    public Playlist createPlaylist(String name, String owner, List<Long> trackIds, Instant when) {
        return annotations.createPlaylist(name, owner, trackIds, when);
    }

    @Override
    public Playlist updatePlaylist(Playlist playlist, Instant when) {
        return annotations.updatePlaylist(playlist, when);
    }

    @Override
    public boolean deletePlaylist(long id) {
        return annotations.deletePlaylist(id);
    }

    @Override
    public Optional<PlayQueue> playQueue() {
        return annotations.playQueue();
    }

    @Override
    public void savePlayQueue(PlayQueue queue) {
        annotations.savePlayQueue(queue);
    }

    @Override
    public List<Crate> crates() {
        return crates.crates();
    }

    @Override
    public Optional<Crate> crate(long crateId) {
        return crates.crate(crateId);
    }

    @Override
    public Crate createCrate(String name, String query, Instant when) {
        return crates.createCrate(name, query, when);
    }

    @Override
    public Optional<Crate> updateCrate(long crateId, String name, String query, Instant when) {
        return crates.updateCrate(crateId, name, query, when);
    }

    @Override
    public boolean deleteCrate(long crateId) {
        return crates.deleteCrate(crateId);
    }

    @Override
    public Optional<Crate> addToCrate(long crateId, List<Long> trackIds, Instant when) {
        return crates.addToCrate(crateId, trackIds, when);
    }

    @Override
    public Optional<Crate> removeFromCrate(long crateId, List<Long> trackIds, Instant when) {
        return crates.removeFromCrate(crateId, trackIds, when);
    }

    @Override
    public Page<Shelf> artists(int offset, int limit) {
        return shelves.artists(offset, limit);
    }

    @Override
    public Page<Album> albums(String artist, int offset, int limit) {
        return shelves.albums(artist, offset, limit);
    }

    @Override
    public Page<Shelf> genres(int offset, int limit) {
        return shelves.genres(offset, limit);
    }

    @Override
    public Page<Shelf> years(int offset, int limit) {
        return shelves.years(offset, limit);
    }

    @Override
    public List<Long> albumTracks(String album, String artist) {
        return shelves.albumTracks(album, artist);
    }

    @Override
    public List<List<Long>> recordingCopies() {
        return shelves.recordingCopies();
    }
}
