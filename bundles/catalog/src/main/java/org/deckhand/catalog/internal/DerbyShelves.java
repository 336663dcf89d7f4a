package org.deckhand.catalog.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.deckhand.api.catalog.Shelves;

/**
 * The shelves from the catalog's table {@code track}: grouped in SQL over the columns {@code shelf_artist},
 * {@code album}, {@code genre} and {@code release_year}, which script {@code V8__crates_and_shelves.sql} indexes. A
 * page is cut from the ordered groups, so that the total comes from the same query.
 */
final class DerbyShelves implements Shelves {

    /** The analyser and field whose text value is the fingerprint of a track's decoded audio. */
    static final String FINGERPRINT_ANALYSER = "fingerprint";
    static final String FINGERPRINT_FIELD = "audio";

    private static final String PRESENT = " WHERE missing_since_millis IS NULL";
    private static final int MAX_LIMIT = 1000;

    private final Database database;

    DerbyShelves(Database database) {
        this.database = database;
    }

    @Override
    public Page<Shelf> artists(int offset, int limit) {
        return shelves("list the artists", "SELECT shelf_artist, COUNT(*) FROM track" + PRESENT
                + " AND shelf_artist IS NOT NULL GROUP BY shelf_artist ORDER BY UPPER(shelf_artist), shelf_artist",
                offset, limit);
    }

    @Override
    public Page<Shelf> genres(int offset, int limit) {
        return shelves("list the genres", "SELECT genre, COUNT(*) FROM track" + PRESENT
                + " AND genre IS NOT NULL AND genre <> '' GROUP BY genre ORDER BY UPPER(genre), genre", offset, limit);
    }

    @Override
    public Page<Shelf> years(int offset, int limit) {
        return shelves("list the years", "SELECT CHAR(release_year), COUNT(*), release_year FROM track" + PRESENT
                + " AND release_year IS NOT NULL GROUP BY release_year ORDER BY release_year DESC", offset, limit);
    }

    @Override
    public Page<Album> albums(String artist, int offset, int limit) {
        checkPage(offset, limit);
        String sql = "SELECT album, shelf_artist, MIN(release_year), COUNT(*),"
                + " MIN(CASE WHEN has_artwork THEN id END) FROM track" + PRESENT
                + " AND album IS NOT NULL AND album <> ''" + (artist == null ? "" : " AND shelf_artist = ?")
                + " GROUP BY album, shelf_artist ORDER BY UPPER(album), album, UPPER(shelf_artist)";
        return database.transaction("list the albums", connection -> {
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                if (artist != null) {
                    query.setString(1, artist);
                }
                List<Album> items = new ArrayList<>();
                int total = 0;
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        if (total >= offset && items.size() < limit) {
                            int year = rows.getInt(3);
                            Integer knownYear = rows.wasNull() ? null : year;
                            long artwork = rows.getLong(5);
                            Long knownArtwork = rows.wasNull() ? null : artwork;
                            items.add(new Album(rows.getString(1), rows.getString(2), knownYear, rows.getInt(4),
                                    knownArtwork));
                        }
                        total++;
                    }
                }
                return new Page<>(items, total);
            }
        });
    }

    @Override
    public List<Long> albumTracks(String album, String artist) {
        String sql = "SELECT id FROM track" + PRESENT + " AND album = ? AND "
                + (artist == null ? "shelf_artist IS NULL" : "shelf_artist = ?")
                + " ORDER BY COALESCE(disc_number, 1), track_number, id";
        return database.transaction("list the tracks of the album " + album, connection -> {
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                query.setString(1, album);
                if (artist != null) {
                    query.setString(2, artist);
                }
                List<Long> ids = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getLong(1));
                    }
                }
                return ids;
            }
        });
    }

    @Override
    public List<List<Long>> recordingCopies() {
        return database.transaction("find copies of one recording", connection -> {
            Map<Long, TreeSet<Long>> groupOf = new HashMap<>();
            RecordingMatcher matcher = new RecordingMatcher(groupOf);
            try (PreparedStatement byAudio = connection.prepareStatement("SELECT v.track_id, t.duration_seconds,"
                    + " v.text_value FROM analysis_value v JOIN track t ON t.id = v.track_id"
                    + " WHERE v.analyser_id = ? AND v.field = ? AND t.duration_seconds IS NOT NULL"
                    + " AND t.missing_since_millis IS NULL ORDER BY t.duration_seconds, v.track_id")) {
                byAudio.setString(1, FINGERPRINT_ANALYSER);
                byAudio.setString(2, FINGERPRINT_FIELD);
                try (ResultSet rows = byAudio.executeQuery()) {
                    while (rows.next()) {
                        matcher.add(rows.getLong(1), rows.getDouble(2), rows.getString(3));
                    }
                }
            }
            try (Statement bySha = connection.createStatement(); ResultSet rows = bySha.executeQuery(
                    "SELECT sha256, id FROM track WHERE sha256 IN (SELECT sha256 FROM track WHERE sha256 IS NOT NULL"
                            + " GROUP BY sha256 HAVING COUNT(*) > 1) ORDER BY sha256, id")) {
                String sha = null;
                long first = 0;
                while (rows.next()) {
                    if (!rows.getString(1).equals(sha)) {
                        sha = rows.getString(1);
                        first = rows.getLong(2);
                    } else {
                        RecordingMatcher.join(groupOf, first, rows.getLong(2));
                    }
                }
            }
            return groupOf.values().stream().distinct().map(List::copyOf)
                    .sorted(Comparator.comparing(group -> group.get(0))).toList();
        });
    }

    private Page<Shelf> shelves(String what, String sql, int offset, int limit) {
        checkPage(offset, limit);
        return database.transaction(what, connection -> {
            List<Shelf> items = new ArrayList<>();
            int total = 0;
            try (Statement query = connection.createStatement(); ResultSet rows = query.executeQuery(sql)) {
                while (rows.next()) {
                    if (total >= offset && items.size() < limit) {
                        items.add(new Shelf(rows.getString(1).strip(), rows.getInt(2)));
                    }
                    total++;
                }
            }
            return new Page<>(items, total);
        });
    }

    private static void checkPage(int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("offset must be 0 or more and limit lie in 1.." + MAX_LIMIT + ": "
                    + offset + ", " + limit);
        }
    }
}
