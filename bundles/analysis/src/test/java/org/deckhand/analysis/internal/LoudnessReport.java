package org.deckhand.analysis.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deckhand.analysis.internal.BenchCorpus.AudioItem;

/** Prints how far Deckhand's integrated loudness lies from ffmpeg's {@code ebur128} filter, and every file outside. */
final class LoudnessReport {

    private LoudnessReport() {
    }

    /**
     * @param measured every file, with Deckhand's integrated loudness
     * @param reference ffmpeg's integrated loudness of each file (a {@code Double}, LUFS), or why it has none (a
     *     {@code String})
     * @param toleranceLu the largest difference that counts as agreement (LU)
     */
    static void print(List<MeasuredFile> measured, Map<AudioItem, Object> reference, double toleranceLu) {
        List<String> outside = new ArrayList<>();
        List<String> notCompared = new ArrayList<>();
        int within = 0;
        double sum = 0;
        double max = 0;
        for (MeasuredFile m : measured) {
            Object ffmpeg = reference.get(m.item());
            if (!(ffmpeg instanceof Double ffmpegLufs) || m.lufs() == null) {
                notCompared.add(String.format("%s: Deckhand %s; ffmpeg %s", m.item().relative(),
                        m.lufs() == null ? "gave no integrated loudness" : String.format(Locale.ROOT, "%.3f LUFS",
                                m.lufs()), ffmpeg instanceof Double ? ffmpeg + " LUFS" : ffmpeg));
                continue;
            }
            double difference = m.lufs() - ffmpegLufs;
            sum += Math.abs(difference);
            max = Math.max(max, Math.abs(difference));
            if (Math.abs(difference) <= toleranceLu) {
                within++;
            } else {
                outside.add(String.format(Locale.ROOT, "%s: Deckhand %.3f LUFS, ffmpeg %.3f LUFS, %+.3f LU",
                        m.item().relative(), m.lufs(), ffmpegLufs, difference));
            }
        }
        int compared = measured.size() - notCompared.size();
        System.out.printf(Locale.ROOT, "Integrated loudness beside ffmpeg's ebur128 filter: %d of %d files compared; "
                + "largest difference %.3f LU, mean %.3f LU; %d of %d within %.1f LU (goal: all, %s)%n", compared,
                measured.size(), max, sum / compared, within, compared, toleranceLu,
                within == compared ? "met" : "MISSED");
        outside.forEach(line -> System.out.println("  outside: " + line));
        notCompared.forEach(line -> System.out.println("  not compared: " + line));
    }
}
