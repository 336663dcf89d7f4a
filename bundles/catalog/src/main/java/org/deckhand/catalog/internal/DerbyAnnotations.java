package org.deckhand.catalog.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.deckhand.api.catalog.Annotations;
import org.deckhand.api.catalog.CatalogException;

/**
 * The owner's annotations in the catalog's database: tables {@code annotation}, {@code playlist},
 * {@code playlist_entry}, {@code play_queue} and {@code play_queue_state} (script {@code V3__subsonic.sql}).
 * Playlist and queue entries of a track deleted from the catalog go with it.
 */
final class DerbyAnnotations implements Annotations {

    private static final int MAX_KEY_LENGTH = 64;
    private static final int MAX_RATING = 5;

    private final Database database;

    DerbyAnnotations(Database database) {
        this.database = database;
    }

    @Override
    public Map<String, Annotation> all() {
        return database.transaction("read the annotations", connection -> {
            Map<String, Annotation> all = new HashMap<>();
            try (Statement query = connection.createStatement(); ResultSet rows = query.executeQuery(
                    "SELECT item_key, starred_millis, rating, play_count, last_played_millis FROM annotation")) {
                while (rows.next()) {
                    all.put(rows.getString(1), new Annotation(instant(rows, 2), rows.getInt(3), rows.getLong(4),
                            instant(rows, 5)));
                }
            }
            return all;
        });
    }

    @Override
    public void star(List<String> items, Instant when) {
        database.transaction("star " + items.size() + " items", connection -> {
            for (String item : items) {
                ensure(connection, item);
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE annotation SET starred_millis = ? WHERE item_key = ? AND starred_millis IS NULL")) {
                    update.setLong(1, when.toEpochMilli());
                    update.setString(2, item);
                    update.executeUpdate();
                }
            }
            return null;
        });
    }

    @Override
    public void unstar(List<String> items) {
        database.transaction("unstar " + items.size() + " items", connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE annotation SET starred_millis = NULL WHERE item_key = ?")) {
                for (String item : items) {
                    update.setString(1, item);
                    update.addBatch();
                }
                update.executeBatch();
            }
            return null;
        });
    }

    @Override
    public void rate(String item, int rating) {
        if (rating < 0 || rating > MAX_RATING) {
            throw new IllegalArgumentException("A rating lies in 0..5: " + rating);
        }
        database.transaction("rate " + item, connection -> {
            ensure(connection, item);
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE annotation SET rating = ? WHERE item_key = ?")) {
                update.setInt(1, rating);
                update.setString(2, item);
                update.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void played(String item, Instant when) {
        database.transaction("count a play of " + item, connection -> {
            ensure(connection, item);
            try (PreparedStatement update = connection.prepareStatement("UPDATE annotation SET play_count = "
                    + "play_count + 1, last_played_millis = ? WHERE item_key = ?")) {
                update.setLong(1, when.toEpochMilli());
                update.setString(2, item);
                update.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<Playlist> playlists() {
        return database.transaction("list the playlists", connection -> {
            List<Long> ids = new ArrayList<>();
            try (Statement query = connection.createStatement();
                    ResultSet rows = query.executeQuery("SELECT id FROM playlist ORDER BY name, id")) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            List<Playlist> playlists = new ArrayList<>();
            for (long id : ids) {
                read(connection, id).ifPresent(playlists::add);
            }
            return playlists;
        });
    }

    @Override
    public Optional<Playlist> playlist(long id) {
        return database.transaction("read playlist " + id, connection -> read(connection, id));
    }

    @Override
    public Playlist createPlaylist(String name, String owner, List<Long> trackIds, Instant when) {
        return database.transaction("create playlist " + name, connection -> {
            long id;
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO playlist (name, owner_name, "
                    + "is_public, created_millis, changed_millis) VALUES (?, ?, FALSE, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, name);
                insert.setString(2, owner);
                insert.setLong(3, when.toEpochMilli());
                insert.setLong(4, when.toEpochMilli());
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            writeEntries(connection, "playlist_entry", "playlist_id, ", id, trackIds);
            return read(connection, id).orElseThrow();
        });
    }

    @Override
    public Playlist updatePlaylist(Playlist playlist, Instant when) {
        return database.transaction("update playlist " + playlist.id(), connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE playlist SET name = ?, "
                    + "description = ?, is_public = ?, changed_millis = ? WHERE id = ?")) {
                update.setString(1, playlist.name());
                update.setString(2, playlist.comment());
                update.setBoolean(3, playlist.isPublic());
                update.setLong(4, when.toEpochMilli());
                update.setLong(5, playlist.id());
                if (update.executeUpdate() == 0) {
                    throw new CatalogException("There is no playlist " + playlist.id());
                }
            }
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM playlist_entry WHERE playlist_id = ?")) {
                delete.setLong(1, playlist.id());
                delete.executeUpdate();
            }
            writeEntries(connection, "playlist_entry", "playlist_id, ", playlist.id(), playlist.trackIds());
            return read(connection, playlist.id()).orElseThrow();
        });
    }

    @Override
    public boolean deletePlaylist(long id) {
        return database.transaction("delete playlist " + id, connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM playlist WHERE id = ?")) {
                delete.setLong(1, id);
                return delete.executeUpdate() > 0;
            }
        });
    }

    @Override
    public Optional<PlayQueue> playQueue() {
        return database.transaction("read the play queue", connection -> {
            try (Statement query = connection.createStatement(); ResultSet state = query.executeQuery(
                    "SELECT current_track_id, position_millis, changed_millis, changed_by FROM play_queue_state")) {
                if (!state.next()) {
                    return Optional.empty();
                }
                long current = state.getLong(1);
                Long currentTrack = state.wasNull() ? null : current;
                return Optional.of(new PlayQueue(trackIds(connection, "SELECT track_id FROM play_queue ORDER BY "
                        + "place", null), currentTrack, state.getLong(2), Instant.ofEpochMilli(state.getLong(3)),
                        state.getString(4)));
            }
        });
    }

    @Override
    public void savePlayQueue(PlayQueue queue) {
        database.transaction("save the play queue", connection -> {
            try (Statement clear = connection.createStatement()) {
                clear.executeUpdate("DELETE FROM play_queue");
                clear.executeUpdate("DELETE FROM play_queue_state");
            }
            if (queue.trackIds().isEmpty()) {
                return null;
            }
            writeEntries(connection, "play_queue", "", 0, queue.trackIds());
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO play_queue_state (id, "
                    + "current_track_id, position_millis, changed_millis, changed_by) VALUES (1, ?, ?, ?, ?)")) {
                if (queue.currentTrackId() == null) {
                    insert.setNull(1, Types.BIGINT);
                } else {
                    insert.setLong(1, queue.currentTrackId());
                }
                insert.setLong(2, queue.positionMillis());
                insert.setLong(3, queue.changed().toEpochMilli());
                insert.setString(4, queue.changedBy());
                insert.executeUpdate();
            }
            return null;
        });
    }

    private static Optional<Playlist> read(Connection connection, long id) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT name, description, owner_name, "
                + "is_public, created_millis, changed_millis FROM playlist WHERE id = ?")) {
            query.setLong(1, id);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Playlist(id, row.getString(1), row.getString(2), row.getString(3),
                        row.getBoolean(4), trackIds(connection, "SELECT track_id FROM playlist_entry WHERE "
                                + "playlist_id = ? ORDER BY place", id),
                        Instant.ofEpochMilli(row.getLong(5)), Instant.ofEpochMilli(row.getLong(6))));
            }
        }
    }

    private static List<Long> trackIds(Connection connection, String sql, Long playlistId) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            if (playlistId != null) {
                query.setLong(1, playlistId);
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        return ids;
    }

    /** Writes entries of the tracks that are in the catalog, numbered from 0 in order. */
    private static void writeEntries(Connection connection, String table, String ownerColumn, long owner,
            List<Long> trackIds) throws SQLException {
        String values = ownerColumn.isEmpty() ? "?, ?" : "?, ?, ?";
        try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM track WHERE id = ?");
                PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " (" + ownerColumn
                        + "place, track_id) VALUES (" + values + ")")) {
            int place = 0;
            for (long trackId : trackIds) {
                exists.setLong(1, trackId);
                try (ResultSet found = exists.executeQuery()) {
                    if (!found.next()) {
                        continue;
                    }
                }
                int column = 1;
                if (!ownerColumn.isEmpty()) {
                    insert.setLong(column++, owner);
                }
                insert.setInt(column++, place++);
                insert.setLong(column, trackId);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void ensure(Connection connection, String item) throws SQLException {
        if (item.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("An item's key has at most 64 characters: " + item);
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO annotation (item_key) SELECT ? "
                + "FROM SYSIBM.SYSDUMMY1 WHERE NOT EXISTS (SELECT 1 FROM annotation WHERE item_key = ?)")) {
            insert.setString(1, item);
            insert.setString(2, item);
            insert.executeUpdate();
        }
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        long millis = row.getLong(column);
        return row.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
