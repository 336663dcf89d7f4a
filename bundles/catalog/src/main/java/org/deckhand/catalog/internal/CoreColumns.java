package org.deckhand.catalog.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.deckhand.api.analysis.AnalysisResult;
import org.deckhand.api.library.BuiltInAnalysers;

/**
 * Copies the built-in analysers' core fields ({@link BuiltInAnalysers}) into typed columns of table {@code track}.
 * No query reads these columns: the search index, the mixer, write-back and the REST API take the same values from
 * the analysis results through {@link org.deckhand.api.library.MusicFacts}, which also falls back on the tags.
 */
final class CoreColumns {

    /** Column by field, for each analyser with core fields. */
    private static final Map<String, Map<String, String>> COLUMNS = Map.of(
            BuiltInAnalysers.TEMPO, Map.of(BuiltInAnalysers.TEMPO_BPM, "bpm",
                    BuiltInAnalysers.TEMPO_CONFIDENCE, "bpm_confidence"),
            BuiltInAnalysers.BEATGRID, Map.of(BuiltInAnalysers.BEATGRID_FIRST_DOWNBEAT_SECONDS,
                    "first_downbeat_seconds", BuiltInAnalysers.BEATGRID_BEAT_PERIOD_SECONDS, "beat_period_seconds"),
            BuiltInAnalysers.KEY, Map.of(BuiltInAnalysers.KEY_NAME, "musical_key",
                    BuiltInAnalysers.KEY_CAMELOT, "camelot"),
            BuiltInAnalysers.ENERGY, Map.of(BuiltInAnalysers.ENERGY_RATING, "energy"),
            BuiltInAnalysers.LOUDNESS, Map.of(BuiltInAnalysers.LOUDNESS_INTEGRATED_LUFS, "integrated_lufs",
                    BuiltInAnalysers.LOUDNESS_TRUE_PEAK_DBTP, "true_peak_dbtp",
                    BuiltInAnalysers.LOUDNESS_REPLAY_GAIN_DB, "replay_gain_db"));

    private CoreColumns() {
    }

    /**
     * Writes an analyser's core fields into the track's columns; those it left out become null.
     *
     * @throws SQLException if the database fails
     */
    static void write(Connection connection, long trackId, AnalysisResult result) throws SQLException {
        Map<String, String> columns = COLUMNS.get(result.analyserId());
        if (columns != null) {
            update(connection, trackId, columns, result.values());
        }
    }

    /**
     * Clears an analyser's core columns of a track, after it failed.
     *
     * @throws SQLException if the database fails
     */
    static void clear(Connection connection, long trackId, String analyserId) throws SQLException {
        Map<String, String> columns = COLUMNS.get(analyserId);
        if (columns != null) {
            update(connection, trackId, columns, Map.of());
        }
    }

    private static void update(Connection connection, long trackId, Map<String, String> columns,
            Map<String, Object> values) throws SQLException {
        List<String> fields = List.copyOf(columns.keySet());
        StringBuilder sql = new StringBuilder("UPDATE track SET ");
        for (int i = 0; i < fields.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(columns.get(fields.get(i))).append(" = ?");
        }
        try (PreparedStatement update = connection.prepareStatement(sql.append(" WHERE id = ?").toString())) {
            for (int i = 0; i < fields.size(); i++) {
                Object value = values.get(fields.get(i));
                if (value == null || value instanceof Double number && !Double.isFinite(number)) {
                    update.setNull(i + 1, update.getParameterMetaData().getParameterType(i + 1));
                } else {
                    update.setObject(i + 1, value);
                }
            }
            update.setLong(fields.size() + 1, trackId);
            update.executeUpdate();
        }
    }
}
