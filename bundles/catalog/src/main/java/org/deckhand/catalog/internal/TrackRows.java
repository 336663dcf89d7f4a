package org.deckhand.catalog.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.deckhand.api.analysis.AnalysisResult;
import org.deckhand.api.catalog.CatalogTrack;
import org.deckhand.api.library.AudioFile;
import org.deckhand.api.library.AudioProperties;
import org.deckhand.api.library.ReplayGain;
import org.deckhand.api.library.Tags;
import org.deckhand.api.library.Track;
import org.deckhand.api.library.TrackMetadata;

/**
 * Maps a catalog track to the columns of table {@code track} and back. Lists are stored joined: artists by the
 * unit separator U+001F, warnings by line feeds. Unknown numbers are SQL NULL (Derby stores no NaN).
 */
final class TrackRows {

    /** The columns a track is written to, in the order {@link #bindFile} and {@link #bindMetadata} fill them. */
    static final String WRITTEN_COLUMNS = "path, path_key, size_bytes, modified_millis, format, fast_fingerprint, "
            + "sha256, title, artists, album, album_artist, track_number, disc_number, release_year, genre, label, "
            + "isrc, comment_text, tag_bpm, tag_key, codec, duration_seconds, bitrate_kbps, sample_rate_hz, "
            + "bits_per_sample, channels, lossless, rg_track_gain_db, rg_track_peak, rg_album_gain_db, "
            + "rg_album_peak, has_artwork, warnings, track_total, disc_total, compilation, shelf_artist";

    /** How many columns {@link #WRITTEN_COLUMNS} names. */
    static final int WRITTEN_COUNT = WRITTEN_COLUMNS.split(",").length;

    /** The columns a track is read from. */
    static final String READ_COLUMNS = "id, added_millis, missing_since_millis, revision, " + WRITTEN_COLUMNS;

    /**
     * The assignments of every statement that changes what the search index holds of a track: the next revision,
     * stale in the index until the index commits it.
     */
    static final String TOUCH = "revision = revision + 1, index_stale = TRUE";

    private static final String ARTIST_SEPARATOR = "\u001F";

    private TrackRows() {
    }

    /**
     * @param path a file's path
     * @return the key that indexes it: the hex SHA-256 of its string form, since a path may be longer than an index
     *     key may be
     */
    static String pathKey(Path path) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(path.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM lacks SHA-256", e);
        }
    }

    /**
     * Binds the file's columns, the first seven of {@link #WRITTEN_COLUMNS}, from parameter 1.
     */
    static void bindFile(PreparedStatement statement, AudioFile file) throws SQLException {
        statement.setString(1, file.path().toString());
        statement.setString(2, pathKey(file.path()));
        statement.setLong(3, file.sizeBytes());
        statement.setLong(4, file.modified().toEpochMilli());
        statement.setString(5, file.format());
        statement.setString(6, file.fastFingerprint());
        statement.setString(7, file.sha256());
    }

    /**
     * Binds the tag and audio columns, the rest of {@link #WRITTEN_COLUMNS}, from parameter 8.
     */
    static void bindMetadata(PreparedStatement statement, TrackMetadata metadata) throws SQLException {
        Tags tags = metadata.tags();
        AudioProperties audio = metadata.audio();
        ReplayGain gain = metadata.replayGain();
        int i = 8;
        statement.setString(i++, tags.title());
        statement.setString(i++, String.join(ARTIST_SEPARATOR, tags.artists()));
        statement.setString(i++, tags.album());
        statement.setString(i++, tags.albumArtist());
        setInteger(statement, i++, tags.trackNumber());
        setInteger(statement, i++, tags.discNumber());
        setInteger(statement, i++, tags.year());
        statement.setString(i++, tags.genre());
        statement.setString(i++, tags.label());
        statement.setString(i++, tags.isrc());
        statement.setString(i++, tags.comment());
        setDouble(statement, i++, tags.bpm());
        statement.setString(i++, tags.key());
        statement.setString(i++, audio.codec());
        setDouble(statement, i++, audio.durationSeconds());
        statement.setInt(i++, audio.bitrateKbps());
        statement.setInt(i++, audio.sampleRateHz());
        statement.setInt(i++, audio.bitsPerSample());
        statement.setInt(i++, audio.channels());
        statement.setBoolean(i++, audio.lossless());
        setDouble(statement, i++, gain.trackGainDb());
        setDouble(statement, i++, gain.trackPeak());
        setDouble(statement, i++, gain.albumGainDb());
        setDouble(statement, i++, gain.albumPeak());
        statement.setBoolean(i++, metadata.hasArtwork());
        statement.setString(i++, String.join("\n", metadata.warnings().stream()
                .map(w -> w.replace('\n', ' ')).toList()));
        setInteger(statement, i++, tags.trackTotal());
        setInteger(statement, i++, tags.discTotal());
        if (tags.compilation() == null) {
            statement.setNull(i++, Types.BOOLEAN);
        } else {
            statement.setBoolean(i++, tags.compilation());
        }
        statement.setString(i, shelfArtist(tags));
    }

    /** The artist a track is filed under on the shelves: its album artist, else its first artist, else null. */
    private static String shelfArtist(Tags tags) {
        if (tags.albumArtist() != null && !tags.albumArtist().isBlank()) {
            return tags.albumArtist();
        }
        return tags.artists().isEmpty() || tags.artists().get(0).isBlank() ? null : tags.artists().get(0);
    }

    /**
     * Reads a track from a row of {@link #READ_COLUMNS}.
     *
     * @param row the row
     * @param analyses the track's analysis results
     * @return the track
     * @throws SQLException if a column cannot be read
     */
    static CatalogTrack read(ResultSet row, List<AnalysisResult> analyses) throws SQLException {
        long missing = row.getLong("missing_since_millis");
        Instant missingSince = row.wasNull() ? null : Instant.ofEpochMilli(missing);
        AudioFile file = new AudioFile(Path.of(row.getString("path")), row.getLong("size_bytes"),
                Instant.ofEpochMilli(row.getLong("modified_millis")), row.getString("format"),
                row.getString("fast_fingerprint"), row.getString("sha256"));
        String artists = row.getString("artists");
        Tags tags = new Tags(row.getString("title"),
                artists.isEmpty() ? List.of() : Arrays.asList(artists.split(ARTIST_SEPARATOR)),
                row.getString("album"), row.getString("album_artist"), integer(row, "track_number"),
                integer(row, "disc_number"), integer(row, "release_year"), row.getString("genre"),
                row.getString("label"), row.getString("isrc"), row.getString("comment_text"),
                decimal(row, "tag_bpm"), row.getString("tag_key"), integer(row, "track_total"),
                integer(row, "disc_total"), flag(row, "compilation"));
        Double duration = decimal(row, "duration_seconds");
        AudioProperties audio = new AudioProperties(row.getString("codec"), duration == null ? Double.NaN : duration,
                row.getInt("bitrate_kbps"), row.getInt("sample_rate_hz"), row.getInt("bits_per_sample"),
                row.getInt("channels"), row.getBoolean("lossless"));
        ReplayGain gain = new ReplayGain(decimal(row, "rg_track_gain_db"), decimal(row, "rg_track_peak"),
                decimal(row, "rg_album_gain_db"), decimal(row, "rg_album_peak"));
        String warnings = row.getString("warnings");
        TrackMetadata metadata = new TrackMetadata(file.format(), tags, audio, gain, row.getBoolean("has_artwork"),
                warnings.isEmpty() ? List.of() : List.of(warnings.split("\n")));
        Track track = new Track(row.getLong("id"), file, tags, audio.durationSeconds(), analyses);
        return new CatalogTrack(track, metadata, Instant.ofEpochMilli(row.getLong("added_millis")), missingSince,
                row.getLong("revision"));
    }

    /**
     * Counts a change of a track made by other statements of the same transaction (its analysis values).
     *
     * @throws SQLException if the database fails
     */
    static void touch(Connection connection, long trackId) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE track SET " + TOUCH + " WHERE id = ?")) {
            update.setLong(1, trackId);
            update.executeUpdate();
        }
    }

    /**
     * Records the SHA-256 of a track's whole file.
     *
     * @throws SQLException if the database fails
     */
    static void setSha256(Connection connection, long trackId, String sha256) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE track SET sha256 = ? WHERE id = ?")) {
            update.setString(1, sha256);
            update.setLong(2, trackId);
            update.executeUpdate();
        }
    }

    private static void setInteger(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }

    private static void setDouble(PreparedStatement statement, int index, Double value) throws SQLException {
        if (value == null || value.isNaN() || value.isInfinite()) {
            statement.setNull(index, Types.DOUBLE);
        } else {
            statement.setDouble(index, value);
        }
    }

    private static Integer integer(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }

    private static Boolean flag(ResultSet row, String column) throws SQLException {
        boolean value = row.getBoolean(column);
        return row.wasNull() ? null : value;
    }

    private static Double decimal(ResultSet row, String column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? null : value;
    }
}
