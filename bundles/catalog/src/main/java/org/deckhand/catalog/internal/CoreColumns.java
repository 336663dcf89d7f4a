package org.deckhand.catalog.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.deckhand.api.analysis.AnalysisResult;

/**
 * Copies the built-in analysers' core fields into typed columns of table {@code track}, where queries over the whole
 * library (the mixer's planning, statistics) read them without joining the generic {@code analysis_value} rows.
 */
final class CoreColumns {

    /** Column by field, for each analyser with core fields. */
    private static final Map<String, Map<String, String>> COLUMNS = Map.of(
            "tempo", Map.of("bpm", "bpm", "confidence", "bpm_confidence"),
            "beatgrid", Map.of("firstDownbeatSeconds", "first_downbeat_seconds",
                    "beatPeriodSeconds", "beat_period_seconds"),
            "key", Map.of("key", "musical_key", "camelot", "camelot"),
            "energy", Map.of("energy", "energy"),
            "loudness", Map.of("integratedLufs", "integrated_lufs", "truePeakDbtp", "true_peak_dbtp",
                    "replayGainDb", "replay_gain_db"));

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
