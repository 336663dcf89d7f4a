package org.deckhand.analysis.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The per-item table that {@code ../shared/corpus/score.py} prints for one tool's estimates, and the figures the bench
 * derives from it: tempo ACC1 and ACC2 (within 4 %, ACC2 also at 2x, 1/2x, 3x, 1/3x), ACC1 over the items whose
 * labelled tempo lies in a range, and the key's MIREX weighted score and exact share over the items with a key.
 *
 * @param tool the tool's name
 * @param rows one row per labelled item, in truth order
 */
record ScoreTable(String tool, List<Row> rows) {

    /**
     * @param tool the tool's name
     * @param file score.py's output for it
     * @return the table
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException if a row is malformed, naming the file and line
     */
    static ScoreTable read(String tool, Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("SUMMARY")) {
                continue;
            }
            String[] c = line.split("\t", -1);
            if (c.length < 8) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected score.py's 8 columns");
            }
            rows.add(new Row(c[0], Double.parseDouble(c[1]), c[2].isEmpty() ? Double.NaN : Double.parseDouble(c[2]),
                    c[3].equals("1"), c[4].equals("1"), c[5], c[6],
                    c[7].isEmpty() ? Double.NaN : Double.parseDouble(c[7])));
        }
        return new ScoreTable(tool, List.copyOf(rows));
    }

    /** @return the share of items with the tempo within 4 %, 0 to 1 */
    double acc1() {
        return share(rows, Row::acc1);
    }

    /** @return the share of items with the tempo within 4 % of 1, 2, 1/2, 3 or 1/3 times the truth, 0 to 1 */
    double acc2() {
        return share(rows, Row::acc2);
    }

    /**
     * @param minBpm the range's slowest labelled tempo (BPM), inclusive
     * @param maxBpm its fastest (BPM), inclusive
     * @return ACC1 over the items whose labelled tempo lies in the range, 0 to 1
     */
    double acc1Within(double minBpm, double maxBpm) {
        return share(within(minBpm, maxBpm), Row::acc1);
    }

    /** @return the items whose labelled tempo lies in the range, inclusive (BPM) */
    List<Row> within(double minBpm, double maxBpm) {
        return rows.stream().filter(row -> row.truthBpm() >= minBpm && row.truthBpm() <= maxBpm).toList();
    }

    /** @return whether the tool gave a key for any item; tempo-only tools do not */
    boolean givesKeys() {
        return rows.stream().anyMatch(row -> !row.estimateKey().isEmpty());
    }

    /** @return the items whose truth has a key */
    List<Row> keyed() {
        return rows.stream().filter(row -> !Double.isNaN(row.keyScore())).toList();
    }

    /** @return the MIREX weighted key score over the items with a key, 0 to 1 */
    double keyMirex() {
        return keyed().stream().mapToDouble(Row::keyScore).sum() / keyed().size();
    }

    /** @return the share of items with a key whose key was found exactly, 0 to 1 */
    double keyExact() {
        return share(keyed(), row -> row.keyScore() == 1.0);
    }

    private static double share(List<Row> rows, Predicate<Row> hit) {
        return rows.isEmpty() ? Double.NaN : (double) rows.stream().filter(hit).count() / rows.size();
    }

    /**
     * One item as score.py scored it.
     *
     * @param file the item's file, relative to {@code labelled/}
     * @param truthBpm its labelled tempo (BPM)
     * @param estimateBpm the tool's tempo (BPM), NaN when it gave none
     * @param acc1 whether the tempo is within 4 % of the truth
     * @param acc2 whether it is within 4 % of 1, 2, 1/2, 3 or 1/3 times the truth
     * @param truthKey the labelled key, empty for tempo-only items
     * @param estimateKey the tool's key, empty when it gave none
     * @param keyScore the MIREX weight of the tool's key (1, 0.5, 0.3, 0.2 or 0), NaN for tempo-only items
     */
    record Row(String file, double truthBpm, double estimateBpm, boolean acc1, boolean acc2, String truthKey,
            String estimateKey, double keyScore) {
    }
}
