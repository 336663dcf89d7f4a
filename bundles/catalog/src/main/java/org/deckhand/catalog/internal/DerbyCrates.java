package org.deckhand.catalog.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.deckhand.api.catalog.Crates;

/**
 * The crates in the catalog's database: tables {@code crate} and {@code crate_entry} (script
 * {@code V8__crates_and_shelves.sql}). Entries of a track deleted from the catalog go with it.
 */
final class DerbyCrates implements Crates {

    private static final String COLUMNS = "id, name, query_text, created_millis, changed_millis";

    private final Database database;

    DerbyCrates(Database database) {
        this.database = database;
    }

    @Override
    public List<Crate> crates() {
        return database.transaction("read the crates", connection -> {
            List<Crate> crates = new ArrayList<>();
            try (Statement query = connection.createStatement(); ResultSet rows = query.executeQuery(
                    "SELECT " + COLUMNS + " FROM crate ORDER BY UPPER(name), id")) {
                while (rows.next()) {
                    crates.add(crate(connection, rows));
                }
            }
            return crates;
        });
    }

    @Override
    public Optional<Crate> crate(long crateId) {
        return database.transaction("read crate " + crateId, connection -> read(connection, crateId));
    }

    @Override
    public Crate createCrate(String name, String query, Instant when) {
        String checkedName = checkedName(name);
        String checkedQuery = checkedQuery(query);
        return database.transaction("make the crate " + checkedName, connection -> {
            long id;
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO crate (name, query_text,"
                    + " created_millis, changed_millis) VALUES (?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, checkedName);
                insert.setString(2, checkedQuery);
                insert.setLong(3, when.toEpochMilli());
                insert.setLong(4, when.toEpochMilli());
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            return read(connection, id).orElseThrow();
        });
    }

    @Override
    public Optional<Crate> updateCrate(long crateId, String name, String query, Instant when) {
        String checkedName = checkedName(name);
        String checkedQuery = checkedQuery(query);
        return database.transaction("change crate " + crateId, connection -> {
            Optional<Crate> crate = read(connection, crateId);
            if (crate.isEmpty()) {
                return crate;
            }
            if (crate.get().smart() != (checkedQuery != null)) {
                throw new IllegalArgumentException(crate.get().smart()
                        ? "crate " + crateId + " is a smart crate and needs a query"
                        : "crate " + crateId + " is made by hand and takes no query; make a smart crate instead");
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE crate SET name = ?, query_text = ?, changed_millis = ? WHERE id = ?")) {
                update.setString(1, checkedName);
                update.setString(2, checkedQuery);
                update.setLong(3, when.toEpochMilli());
                update.setLong(4, crateId);
                update.executeUpdate();
            }
            return read(connection, crateId);
        });
    }

    @Override
    public boolean deleteCrate(long crateId) {
        return database.transaction("delete crate " + crateId, connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM crate WHERE id = ?")) {
                delete.setLong(1, crateId);
                return delete.executeUpdate() == 1;
            }
        });
    }

    @Override
    public Optional<Crate> addToCrate(long crateId, List<Long> trackIds, Instant when) {
        return database.transaction("add tracks to crate " + crateId, connection -> {
            Optional<Crate> crate = handMade(connection, crateId);
            if (crate.isEmpty()) {
                return crate;
            }
            Set<Long> held = new LinkedHashSet<>(crate.get().trackIds());
            int place = held.size();
            try (PreparedStatement known = connection.prepareStatement("SELECT 1 FROM track WHERE id = ?");
                    PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO crate_entry (crate_id, track_id, place) VALUES (?, ?, ?)")) {
                for (long trackId : new LinkedHashSet<>(trackIds)) {
                    if (held.contains(trackId)) {
                        continue;
                    }
                    known.setLong(1, trackId);
                    try (ResultSet row = known.executeQuery()) {
                        if (!row.next()) {
                            throw new IllegalArgumentException("there is no track " + trackId + " in the catalog");
                        }
                    }
                    insert.setLong(1, crateId);
                    insert.setLong(2, trackId);
                    insert.setInt(3, place++);
                    insert.executeUpdate();
                }
            }
            touch(connection, crateId, when);
            return read(connection, crateId);
        });
    }

    @Override
    public Optional<Crate> removeFromCrate(long crateId, List<Long> trackIds, Instant when) {
        return database.transaction("remove tracks from crate " + crateId, connection -> {
            Optional<Crate> crate = handMade(connection, crateId);
            if (crate.isEmpty()) {
                return crate;
            }
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM crate_entry WHERE crate_id = ? AND track_id = ?")) {
                for (long trackId : trackIds) {
                    delete.setLong(1, crateId);
                    delete.setLong(2, trackId);
                    delete.addBatch();
                }
                delete.executeBatch();
            }
            touch(connection, crateId, when);
            return read(connection, crateId);
        });
    }

    private static Optional<Crate> handMade(Connection connection, long crateId) throws SQLException {
        Optional<Crate> crate = read(connection, crateId);
        if (crate.isPresent() && crate.get().smart()) {
            throw new IllegalArgumentException("crate " + crateId + " is a smart crate: its query chooses its tracks");
        }
        return crate;
    }

    private static void touch(Connection connection, long crateId, Instant when) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE crate SET changed_millis = ? WHERE id = ?")) {
            update.setLong(1, when.toEpochMilli());
            update.setLong(2, crateId);
            update.executeUpdate();
        }
    }

    private static Optional<Crate> read(Connection connection, long crateId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM crate WHERE id = ?")) {
            query.setLong(1, crateId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(crate(connection, row)) : Optional.empty();
            }
        }
    }

    private static Crate crate(Connection connection, ResultSet row) throws SQLException {
        long id = row.getLong(1);
        List<Long> trackIds = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT track_id FROM crate_entry WHERE crate_id = ? ORDER BY place")) {
            query.setLong(1, id);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    trackIds.add(rows.getLong(1));
                }
            }
        }
        return new Crate(id, row.getString(2), row.getString(3), trackIds, Instant.ofEpochMilli(row.getLong(4)),
                Instant.ofEpochMilli(row.getLong(5)));
    }

    private static String checkedName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a crate needs a name");
        }
        String stripped = name.strip();
        if (stripped.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("a crate's name takes at most " + MAX_NAME_LENGTH + " characters");
        }
        return stripped;
    }

    private static String checkedQuery(String query) {
        if (query == null) {
            return null;
        }
        if (query.isBlank()) {
            throw new IllegalArgumentException("a smart crate needs a query, such as genre:techno bpm:124..128");
        }
        if (query.length() > MAX_QUERY_LENGTH) {
            throw new IllegalArgumentException("a smart crate's query takes at most " + MAX_QUERY_LENGTH
                    + " characters");
        }
        return query.strip();
    }
}
