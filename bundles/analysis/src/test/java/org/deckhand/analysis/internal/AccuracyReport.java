package org.deckhand.analysis.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Prints the labelled set's figures side by side, Deckhand and each peer, with Deckhand's ratio to the best peer and
 * whether each goal is met, then every item Deckhand got wrong: which file, what it said, the truth.
 */
final class AccuracyReport {

    private AccuracyReport() {
    }

    /**
     * @param deckhand Deckhand's scores
     * @param peers the peers' scores
     * @param goals the goals
     */
    static void print(ScoreTable deckhand, List<ScoreTable> peers, Goals goals) {
        List<ScoreTable> keyPeers = peers.stream().filter(ScoreTable::givesKeys).toList();
        int inRange = deckhand.within(goals.minBpm(), goals.maxBpm()).size();
        List<String> header = new ArrayList<>(List.of("figure", "goal", "deckhand"));
        peers.forEach(peer -> header.add(peer.tool()));
        header.addAll(List.of("best peer", "deckhand/best", "goal met"));
        List<List<String>> rows = new ArrayList<>();
        rows.add(header);
        rows.add(row(String.format("tempo ACC1 (%d items)", deckhand.rows().size()), "at least the best peer",
                Double.NaN, deckhand, peers, peers, ScoreTable::acc1));
        rows.add(row("tempo ACC2", percent(goals.acc2()) + ", at least the best peer", goals.acc2(), deckhand, peers,
                peers, ScoreTable::acc2));
        rows.add(row(String.format(Locale.ROOT, "tempo ACC1, truth in %.0f-%.0f BPM (%d items)", goals.minBpm(),
                goals.maxBpm(), inRange), percent(goals.inRangeAcc1()) + ", at least the best peer",
                goals.inRangeAcc1(), deckhand, peers, peers, table -> table.acc1Within(goals.minBpm(),
                        goals.maxBpm())));
        rows.add(row(String.format("key MIREX weighted (%d items)", deckhand.keyed().size()),
                percent(goals.keyMirex()) + ", at least the best peer", goals.keyMirex(), deckhand, peers, keyPeers,
                ScoreTable::keyMirex));
        rows.add(row("key exact", "-", Double.NaN, deckhand, peers, keyPeers, ScoreTable::keyExact));
        System.out.println("Accuracy on the labelled set (score.py; tempo within 4 %; tempo-only peers give no key):");
        printAligned(rows);
        printMisses(deckhand, goals);
    }

    private static List<String> row(String figure, String goal, double absoluteGoal, ScoreTable deckhand,
            List<ScoreTable> peers, List<ScoreTable> comparedPeers, ToDoubleFunction<ScoreTable> figureOf) {
        double ours = figureOf.applyAsDouble(deckhand);
        List<String> row = new ArrayList<>(List.of(figure, goal, percent(ours)));
        ScoreTable best = null;
        for (ScoreTable peer : peers) {
            boolean compared = comparedPeers.contains(peer);
            row.add(compared ? percent(figureOf.applyAsDouble(peer)) : "-");
            if (compared && (best == null || figureOf.applyAsDouble(peer) > figureOf.applyAsDouble(best))) {
                best = peer;
            }
        }
        double bestFigure = best == null ? Double.NaN : figureOf.applyAsDouble(best);
        row.add(best == null ? "-" : best.tool());
        row.add(best == null ? "-" : String.format(Locale.ROOT, "%.2f", ours / bestFigure));
        if (goal.equals("-")) {
            row.add("-");
        } else {
            boolean met = (best == null || ours >= bestFigure) && (Double.isNaN(absoluteGoal) || ours >= absoluteGoal);
            row.add(met ? "yes" : "NO");
        }
        return row;
    }

    private static void printMisses(ScoreTable deckhand, Goals goals) {
        List<ScoreTable.Row> tempoMisses = deckhand.rows().stream().filter(row -> !row.acc1()).toList();
        System.out.printf("Deckhand's tempo misses (ACC1), %d: file, truth BPM -> ours%n", tempoMisses.size());
        for (ScoreTable.Row row : tempoMisses) {
            boolean inside = row.truthBpm() >= goals.minBpm() && row.truthBpm() <= goals.maxBpm();
            System.out.printf(Locale.ROOT, "  %-44s %7.2f -> %7.2f  %s%s%n", row.file(), row.truthBpm(),
                    row.estimateBpm(), row.acc2() ? "ACC2 ok" : "ACC2 miss",
                    inside ? ", truth inside the default range" : "");
        }
        List<ScoreTable.Row> keyMisses = deckhand.keyed().stream().filter(row -> row.keyScore() < 1).toList();
        System.out.printf("Deckhand's key misses, %d: file, truth -> ours (MIREX weight)%n", keyMisses.size());
        for (ScoreTable.Row row : keyMisses) {
            System.out.printf(Locale.ROOT, "  %-44s %4s -> %-4s (%.1f)%n", row.file(), row.truthKey(),
                    row.estimateKey().isEmpty() ? "none" : row.estimateKey(), row.keyScore());
        }
    }

    private static String percent(double share) {
        return Double.isNaN(share) ? "-" : String.format(Locale.ROOT, "%.1f %%", 100 * share);
    }

    private static void printAligned(List<List<String>> rows) {
        int[] widths = new int[rows.get(0).size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder(" ");
            for (int i = 0; i < row.size(); i++) {
                line.append(' ').append(String.format("%-" + widths[i] + "s", row.get(i))).append(' ');
            }
            System.out.println(line.toString().stripTrailing());
        }
    }

    /**
     * The analysis issue's accuracy goals, besides "at least the best peer" on every figure.
     *
     * @param acc2 tempo ACC2 over the whole set, 0 to 1
     * @param inRangeAcc1 tempo ACC1 over the items whose labelled tempo lies in the default range, 0 to 1
     * @param keyMirex key MIREX weighted score, 0 to 1
     * @param minBpm the tempo analyser's default slowest tempo (BPM)
     * @param maxBpm its default fastest tempo (BPM)
     */
    record Goals(double acc2, double inRangeAcc1, double keyMirex, double minBpm, double maxBpm) {
    }
}
