package org.deckhand.catalog.internal;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.deckhand.api.tracklist.EntryKind;
import org.deckhand.api.tracklist.EntryMatch;
import org.deckhand.api.tracklist.MashupPart;
import org.deckhand.api.tracklist.MatchCandidate;
import org.deckhand.api.tracklist.MatchState;
import org.deckhand.api.tracklist.StoredTracklist;
import org.deckhand.api.tracklist.Tracklist;
import org.deckhand.api.tracklist.TracklistEntry;
import org.deckhand.api.tracklist.TracklistStore;
import org.deckhand.api.tracklist.TracklistSummary;

/**
 * The tracklists in the catalog's database: tables {@code tracklist}, {@code tracklist_entry} (with each entry's
 * match) and {@code tracklist_mashup_part}. Lists of names (DJs, genres) are kept one a line; an entry's candidates
 * as {@code id:confidence} pairs separated by spaces. A tracklist's {@code search_text} holds its title, DJs, date
 * and entries folded (lower case, no accents), for {@link #list}. Texts longer than their column are cut to fit.
 */
final class DerbyTracklistStore implements TracklistStore {

    private static final String COLUMNS = "id, title, djs, mix_date, genres, source, address, fetched_millis, "
            + "imported_millis, recording_track_id";

    private final Database database;

    DerbyTracklistStore(Database database) {
        this.database = database;
    }

    @Override
    public StoredTracklist add(Tracklist tracklist, List<EntryMatch> matches) {
        check(tracklist, matches);
        return database.transaction("keep the tracklist " + describe(tracklist), connection -> {
            long id;
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO tracklist (title, djs, mix_date,"
                    + " genres, source, address, fetched_millis, imported_millis, search_text) VALUES (?, ?, ?, ?, ?,"
                    + " ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                bindHead(insert, tracklist);
                insert.setLong(8, System.currentTimeMillis());
                insert.setString(9, searchText(tracklist));
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            insertEntries(connection, id, tracklist.entries(), matches);
            return read(connection, id).orElseThrow();
        });
    }

    @Override
    public StoredTracklist replace(long id, Tracklist tracklist, List<EntryMatch> matches) {
        check(tracklist, matches);
        return database.transaction("replace tracklist " + id, connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE tracklist SET title = ?, djs = ?,"
                    + " mix_date = ?, genres = ?, source = ?, address = ?, fetched_millis = ?, search_text = ?"
                    + " WHERE id = ?")) {
                bindHead(update, tracklist);
                update.setString(8, searchText(tracklist));
                update.setLong(9, id);
                if (update.executeUpdate() == 0) {
                    throw new NoSuchElementException("No tracklist " + id);
                }
            }
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM tracklist_entry WHERE tracklist_id = ?")) {
                delete.setLong(1, id);
                delete.executeUpdate();
            }
            insertEntries(connection, id, tracklist.entries(), matches);
            return read(connection, id).orElseThrow();
        });
    }

    @Override
    public Optional<StoredTracklist> tracklist(long id) {
        return database.transaction("read tracklist " + id, connection -> read(connection, id));
    }

    @Override
    public Optional<StoredTracklist> findByAddress(String address) {
        return database.transaction("find the tracklist of " + address, connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT id FROM tracklist WHERE address = ? ORDER BY id")) {
                query.setString(1, cut(address, 1000));
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next() ? read(connection, rows.getLong(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<TracklistSummary> list(String query, int limit) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must lie in 1..1000: " + limit);
        }
        List<String> words = query == null || query.isBlank() ? List.of()
                : Arrays.stream(fold(query).split("\\s+")).filter(word -> !word.isEmpty()).toList();
        StringBuilder sql = new StringBuilder("SELECT t.id, t.title, t.djs, t.mix_date, t.source, t.address,"
                + " t.fetched_millis, t.recording_track_id, (SELECT COUNT(*) FROM tracklist_entry e WHERE"
                + " e.tracklist_id = t.id), (SELECT COUNT(*) FROM tracklist_entry e WHERE e.tracklist_id = t.id AND"
                + " e.match_state = 'MATCHED'), (SELECT COUNT(*) FROM tracklist_entry e WHERE e.tracklist_id = t.id"
                + " AND e.match_state = 'MISSING') FROM tracklist t");
        for (int i = 0; i < words.size(); i++) {
            sql.append(i == 0 ? " WHERE" : " AND").append(" t.search_text LIKE ? ESCAPE '!'");
        }
        sql.append(" ORDER BY t.imported_millis DESC, t.id DESC FETCH FIRST ").append(limit).append(" ROWS ONLY");
        return database.transaction("list tracklists", connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
                for (int i = 0; i < words.size(); i++) {
                    select.setString(i + 1, "%" + words.get(i).replace("!", "!!").replace("%", "!%")
                            .replace("_", "!_") + "%");
                }
                List<TracklistSummary> summaries = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        Date date = rows.getDate(4);
                        long recording = rows.getLong(8);
                        Long recordingId = rows.wasNull() ? null : recording;
                        summaries.add(new TracklistSummary(rows.getLong(1), rows.getString(2), lines(rows.getString(3)),
                                date == null ? null : date.toLocalDate(), rows.getString(5), rows.getString(6),
                                Instant.ofEpochMilli(rows.getLong(7)), rows.getInt(9), rows.getInt(10), rows.getInt(11),
                                recordingId));
                    }
                }
                return summaries;
            }
        });
    }

    @Override
    public StoredTracklist setMatch(long id, int position, EntryMatch match) {
        return database.transaction("set the match of entry " + position + " of tracklist " + id, connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE tracklist_entry SET match_state = ?,"
                    + " match_track_id = ?, match_confidence = ?, match_confirmed = ?, match_candidates = ?"
                    + " WHERE tracklist_id = ? AND position = ?")) {
                bindMatch(update, 1, match);
                update.setLong(6, id);
                update.setInt(7, position);
                if (update.executeUpdate() == 0) {
                    throw new NoSuchElementException("Tracklist " + id + " has no entry " + position);
                }
            }
            return read(connection, id).orElseThrow();
        });
    }

    @Override
    public StoredTracklist link(long id, long recordingTrackId) {
        return database.transaction("link track " + recordingTrackId + " to tracklist " + id, connection -> {
            try (PreparedStatement unlink = connection.prepareStatement(
                    "UPDATE tracklist SET recording_track_id = NULL WHERE recording_track_id = ? AND id <> ?");
                    PreparedStatement link = connection.prepareStatement(
                            "UPDATE tracklist SET recording_track_id = ? WHERE id = ?")) {
                unlink.setLong(1, recordingTrackId);
                unlink.setLong(2, id);
                unlink.executeUpdate();
                link.setLong(1, recordingTrackId);
                link.setLong(2, id);
                if (link.executeUpdate() == 0) {
                    throw new NoSuchElementException("No tracklist " + id);
                }
            }
            return read(connection, id).orElseThrow();
        });
    }

    @Override
    public Optional<StoredTracklist> forRecording(long recordingTrackId) {
        return database.transaction("find the tracklist of track " + recordingTrackId, connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT id FROM tracklist WHERE recording_track_id = ? ORDER BY id")) {
                query.setLong(1, recordingTrackId);
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next() ? read(connection, rows.getLong(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public boolean delete(long id) {
        return database.transaction("delete tracklist " + id, connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM tracklist WHERE id = ?")) {
                delete.setLong(1, id);
                return delete.executeUpdate() > 0;
            }
        });
    }

    private static void check(Tracklist tracklist, List<EntryMatch> matches) {
        if (matches.size() != tracklist.entries().size()) {
            throw new IllegalArgumentException("one match per entry: " + matches.size() + " matches for "
                    + tracklist.entries().size() + " entries");
        }
    }

    private static void bindHead(PreparedStatement statement, Tracklist tracklist) throws SQLException {
        statement.setString(1, cut(tracklist.title(), 1024));
        statement.setString(2, cut(String.join("\n", tracklist.djs()), 2048));
        statement.setDate(3, tracklist.date() == null ? null : Date.valueOf(tracklist.date()));
        statement.setString(4, cut(String.join("\n", tracklist.genres()), 1024));
        statement.setString(5, cut(tracklist.source(), 64));
        statement.setString(6, cut(tracklist.address(), 1000));
        statement.setLong(7, tracklist.fetched().toEpochMilli());
    }

    private static void insertEntries(Connection connection, long id, List<TracklistEntry> entries,
            List<EntryMatch> matches) throws SQLException {
        try (PreparedStatement entry = connection.prepareStatement("INSERT INTO tracklist_entry (tracklist_id,"
                + " position, kind, cue_seconds, artist, title, remix, label, duration_seconds, with_previous, dj_part,"
                + " match_state, match_track_id, match_confidence, match_confirmed, match_candidates)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement part = connection.prepareStatement("INSERT INTO tracklist_mashup_part (tracklist_id,"
                        + " position, part, artist, title, remix, label) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < entries.size(); i++) {
                TracklistEntry row = entries.get(i);
                entry.setLong(1, id);
                entry.setInt(2, row.position());
                entry.setString(3, row.kind().name());
                setDouble(entry, 4, row.cueSeconds());
                entry.setString(5, cut(row.artist(), 1024));
                entry.setString(6, cut(row.title(), 1024));
                entry.setString(7, cut(row.remix(), 1024));
                entry.setString(8, cut(row.label(), 512));
                setDouble(entry, 9, row.durationSeconds());
                entry.setBoolean(10, row.playedWithPrevious());
                entry.setString(11, cut(row.djPart(), 512));
                bindMatch(entry, 12, matches.get(i));
                entry.addBatch();
                for (int p = 0; p < row.mashupParts().size(); p++) {
                    MashupPart mashup = row.mashupParts().get(p);
                    part.setLong(1, id);
                    part.setInt(2, row.position());
                    part.setInt(3, p + 1);
                    part.setString(4, cut(mashup.artist(), 1024));
                    part.setString(5, cut(mashup.title(), 1024));
                    part.setString(6, cut(mashup.remix(), 1024));
                    part.setString(7, cut(mashup.label(), 512));
                    part.addBatch();
                }
            }
            entry.executeBatch();
            part.executeBatch();
        }
    }

    private static void bindMatch(PreparedStatement statement, int first, EntryMatch match) throws SQLException {
        statement.setString(first, match.state().name());
        if (match.trackId() == null) {
            statement.setNull(first + 1, Types.BIGINT);
        } else {
            statement.setLong(first + 1, match.trackId());
        }
        statement.setDouble(first + 2, match.confidence());
        statement.setBoolean(first + 3, match.confirmed());
        StringBuilder candidates = new StringBuilder();
        for (MatchCandidate candidate : match.candidates()) {
            String pair = candidate.trackId() + ":" + candidate.confidence();
            if (candidates.length() + pair.length() + 1 > 1024) {
                break;
            }
            candidates.append(candidates.length() == 0 ? "" : " ").append(pair);
        }
        statement.setString(first + 4, candidates.toString());
    }

    private static Optional<StoredTracklist> read(Connection connection, long id) throws SQLException {
        String title;
        List<String> djs;
        Date date;
        List<String> genres;
        String source;
        String address;
        Instant fetched;
        Instant imported;
        Long recording;
        try (PreparedStatement head = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM tracklist WHERE id = ?")) {
            head.setLong(1, id);
            try (ResultSet row = head.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                title = row.getString(2);
                djs = lines(row.getString(3));
                date = row.getDate(4);
                genres = lines(row.getString(5));
                source = row.getString(6);
                address = row.getString(7);
                fetched = Instant.ofEpochMilli(row.getLong(8));
                imported = Instant.ofEpochMilli(row.getLong(9));
                long linked = row.getLong(10);
                recording = row.wasNull() ? null : linked;
            }
        }
        Map<Integer, List<MashupPart>> parts = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT position, artist, title, remix, label"
                + " FROM tracklist_mashup_part WHERE tracklist_id = ? ORDER BY position, part")) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    parts.computeIfAbsent(rows.getInt(1), p -> new ArrayList<>()).add(new MashupPart(
                            rows.getString(2), rows.getString(3), rows.getString(4), rows.getString(5)));
                }
            }
        }
        List<TracklistEntry> entries = new ArrayList<>();
        List<EntryMatch> matches = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT position, kind, cue_seconds, artist,"
                + " title, remix, label, duration_seconds, with_previous, dj_part, match_state, match_track_id,"
                + " match_confidence, match_confirmed, match_candidates FROM tracklist_entry WHERE tracklist_id = ?"
                + " ORDER BY position")) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    int position = rows.getInt(1);
                    entries.add(new TracklistEntry(position, EntryKind.valueOf(rows.getString(2)),
                            getDouble(rows, 3), rows.getString(4), rows.getString(5), rows.getString(6),
                            rows.getString(7), getDouble(rows, 8), rows.getBoolean(9),
                            parts.getOrDefault(position, List.of()), rows.getString(10)));
                    long track = rows.getLong(12);
                    Long trackId = rows.wasNull() ? null : track;
                    matches.add(new EntryMatch(MatchState.valueOf(rows.getString(11)), trackId, rows.getDouble(13),
                            rows.getBoolean(14), candidates(rows.getString(15))));
                }
            }
        }
        Tracklist tracklist = new Tracklist(title, djs, date == null ? null : date.toLocalDate(), genres, source,
                address, fetched, entries);
        return Optional.of(new StoredTracklist(id, tracklist, matches, recording, imported));
    }

    private static List<MatchCandidate> candidates(String text) {
        List<MatchCandidate> candidates = new ArrayList<>();
        for (String pair : text.split(" ")) {
            int colon = pair.indexOf(':');
            if (colon > 0) {
                candidates.add(new MatchCandidate(Long.parseLong(pair.substring(0, colon)),
                        Double.parseDouble(pair.substring(colon + 1))));
            }
        }
        return candidates;
    }

    private static String searchText(Tracklist tracklist) {
        StringBuilder text = new StringBuilder();
        text.append(tracklist.title() == null ? "" : tracklist.title()).append('\n')
                .append(String.join("\n", tracklist.djs())).append('\n')
                .append(tracklist.date() == null ? "" : tracklist.date().toString()).append('\n');
        for (TracklistEntry entry : tracklist.entries()) {
            text.append(entry.artist() == null ? "" : entry.artist()).append(" - ")
                    .append(entry.title() == null ? "" : entry.title()).append('\n');
        }
        return fold(text.toString());
    }

    /** Lower case without accents, so that {@code björk} finds {@code Björk} and {@code bjork}. */
    private static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
    }

    private static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    private static String cut(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }

    private static void setDouble(PreparedStatement statement, int index, Double value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.DOUBLE);
        } else {
            statement.setDouble(index, value);
        }
    }

    private static Double getDouble(ResultSet rows, int index) throws SQLException {
        double value = rows.getDouble(index);
        return rows.wasNull() ? null : value;
    }

    private static String describe(Tracklist tracklist) {
        return tracklist.address() != null ? tracklist.address() : String.valueOf(tracklist.title());
    }
}
