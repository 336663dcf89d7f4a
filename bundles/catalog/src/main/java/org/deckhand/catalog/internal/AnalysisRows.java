package org.deckhand.catalog.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deckhand.api.analysis.AnalysisResult;
import org.deckhand.api.analysis.ValueType;

/**
 * Stores analysis results in table {@code analysis_value}, one row per analyser and field, the value in the column
 * of its type: {@link Double}, {@link Long}, {@link String} or {@link Boolean}; {@code float[]} (as little-endian
 * IEEE 754 singles) and {@code byte[]} in {@code bytes_value}, with {@code bytes_type} saying which. Each save also
 * records the successful run in {@code analyser_run}. Writes lock the track's row (touching its revision) before its
 * values, the order in which readers take them, so that a reader and a writer cannot
 * deadlock.
 */
final class AnalysisRows {

    private AnalysisRows() {
    }

    /**
     * Replaces an analyser's values for a track.
     *
     * @throws SQLException if the database fails
     * @throws IllegalArgumentException if a value is of none of the six types
     */
    static void replace(Connection connection, long trackId, AnalysisResult result) throws SQLException {
        TrackRows.touch(connection, trackId);
        deleteValues(connection, trackId, result.analyserId());
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO analysis_value (track_id, "
                + "analyser_id, analyser_version, field, number_value, integer_value, text_value, boolean_value, "
                + "bytes_value, bytes_type) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Map.Entry<String, Object> value : result.values().entrySet()) {
                insert.setLong(1, trackId);
                insert.setString(2, result.analyserId());
                insert.setString(3, result.analyserVersion());
                insert.setString(4, value.getKey());
                bindValue(insert, value.getKey(), value.getValue());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        RunRows.record(connection, trackId, result.analyserId(), result.analyserVersion(), null);
    }

    /**
     * Deletes an analyser's values of a track.
     *
     * @throws SQLException if the database fails
     */
    static void delete(Connection connection, long trackId, String analyserId) throws SQLException {
        TrackRows.touch(connection, trackId);
        deleteValues(connection, trackId, analyserId);
    }

    private static void deleteValues(Connection connection, long trackId, String analyserId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM analysis_value WHERE track_id = ? AND analyser_id = ?")) {
            delete.setLong(1, trackId);
            delete.setString(2, analyserId);
            delete.executeUpdate();
        }
    }

    /**
     * @return the results of the track, by analyser
     * @throws SQLException if the database fails
     */
    static List<AnalysisResult> of(Connection connection, long trackId) throws SQLException {
        try (Cursor cursor = new Cursor(connection, trackId, trackId, true)) {
            return cursor.resultsOf(trackId);
        }
    }

    /**
     * Walks the results of many tracks in ascending track id, one query for all, as a merge join beside a walk over
     * the tracks in the same order.
     */
    static final class Cursor implements AutoCloseable {

        private final PreparedStatement query;
        private final ResultSet rows;
        private boolean onRow;

        /**
         * @param connection a connection that stays open while the cursor is used
         * @param fromTrackId the smallest track id of interest
         * @param toTrackId the largest track id of interest
         * @param withBytes whether to read array and binary values too, or leave them out
         * @throws SQLException if the database fails
         */
        Cursor(Connection connection, long fromTrackId, long toTrackId, boolean withBytes) throws SQLException {
            query = connection.prepareStatement("SELECT * FROM analysis_value WHERE track_id BETWEEN ? AND ? "
                    + (withBytes ? "" : "AND bytes_type IS NULL ") + "ORDER BY track_id, analyser_id, field");
            query.setLong(1, fromTrackId);
            query.setLong(2, toTrackId);
            rows = query.executeQuery();
            onRow = rows.next();
        }

        /**
         * @param trackId a track id, not smaller than the one asked before
         * @return the track's results, by analyser
         * @throws SQLException if the database fails
         */
        List<AnalysisResult> resultsOf(long trackId) throws SQLException {
            while (onRow && rows.getLong("track_id") < trackId) {
                onRow = rows.next();
            }
            List<AnalysisResult> results = new ArrayList<>();
            String analyser = null;
            String version = null;
            Map<String, Object> values = new LinkedHashMap<>();
            while (onRow && rows.getLong("track_id") == trackId) {
                if (!rows.getString("analyser_id").equals(analyser)) {
                    if (analyser != null) {
                        results.add(new AnalysisResult(analyser, version, values));
                    }
                    analyser = rows.getString("analyser_id");
                    version = rows.getString("analyser_version");
                    values = new LinkedHashMap<>();
                }
                values.put(rows.getString("field"), valueOf(rows));
                onRow = rows.next();
            }
            if (analyser != null) {
                results.add(new AnalysisResult(analyser, version, values));
            }
            return results;
        }

        @Override
        public void close() throws SQLException {
            rows.close();
            query.close();
        }
    }

    private static void bindValue(PreparedStatement insert, String field, Object value) throws SQLException {
        insert.setNull(5, Types.DOUBLE);
        insert.setNull(6, Types.BIGINT);
        insert.setNull(7, Types.VARCHAR);
        insert.setNull(8, Types.BOOLEAN);
        insert.setNull(9, Types.BLOB);
        insert.setNull(10, Types.VARCHAR);
        if (value instanceof Double number) {
            if (!number.isNaN() && !number.isInfinite()) {
                insert.setDouble(5, number);
            }
        } else if (value instanceof Long integer) {
            insert.setLong(6, integer);
        } else if (value instanceof String text) {
            insert.setString(7, text);
        } else if (value instanceof Boolean flag) {
            insert.setBoolean(8, flag);
        } else if (value instanceof float[] numbers) {
            ByteBuffer bytes = ByteBuffer.allocate(numbers.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            bytes.asFloatBuffer().put(numbers);
            insert.setBytes(9, bytes.array());
            insert.setString(10, ValueType.NUMBER_ARRAY.name());
        } else if (value instanceof byte[] bytes) {
            insert.setBytes(9, bytes);
            insert.setString(10, ValueType.BINARY.name());
        } else {
            throw new IllegalArgumentException("value of " + field + " is a " + value.getClass().getName()
                    + "; results carry Double, Long, String, Boolean, float[] or byte[]");
        }
    }

    private static Object valueOf(ResultSet row) throws SQLException {
        String bytesType = row.getString("bytes_type");
        if (bytesType != null) {
            byte[] bytes = row.getBytes("bytes_value");
            if (ValueType.BINARY.name().equals(bytesType)) {
                return bytes;
            }
            float[] numbers = new float[bytes.length / Float.BYTES];
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(numbers);
            return numbers;
        }
        double number = row.getDouble("number_value");
        if (!row.wasNull()) {
            return number;
        }
        long integer = row.getLong("integer_value");
        if (!row.wasNull()) {
            return integer;
        }
        String text = row.getString("text_value");
        if (text != null) {
            return text;
        }
        boolean flag = row.getBoolean("boolean_value");
        return row.wasNull() ? Double.NaN : flag;
    }
}
