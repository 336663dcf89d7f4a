package org.deckhand.analysers.loudness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ffmpeg's {@code ebur128} filter as the reference measurement, a test tool only. Reads the filter's per-frame metadata
 * (three decimals) rather than its summary (one decimal); the last frame carries the whole track's values.
 */
final class Ebur128 {

    private static final Pattern INTEGRATED = Pattern.compile("lavfi\\.r128\\.I=(-?[0-9.]+)");
    private static final Pattern RANGE = Pattern.compile("lavfi\\.r128\\.LRA=(-?[0-9.]+)");
    private static final Pattern TRUE_PEAK = Pattern.compile("lavfi\\.r128\\.true_peak=(-?[0-9.]+)");

    private Ebur128() {
    }

    /**
     * @param file an audio file
     * @param truePeak whether to measure the true peak too, which doubles ffmpeg's time
     * @return ffmpeg's measurement of it; the true peak is NaN when not measured
     */
    static Measurement measure(Path file, boolean truePeak) {
        String filter = truePeak ? "ebur128=peak=true:metadata=1" : "ebur128=metadata=1";
        String output = run(List.of("ffmpeg", "-nostats", "-nostdin", "-v", "error", "-i", file.toString(), "-af",
                filter + ",ametadata=mode=print:file=-", "-f", "null", "-"));
        return new Measurement(last(INTEGRATED, output), last(RANGE, output),
                truePeak ? 20 * Math.log10(last(TRUE_PEAK, output)) : Double.NaN);
    }

    /**
     * @param file an audio file
     * @return the sample rate of its first audio stream (Hz)
     */
    static int sampleRateHz(Path file) {
        return Integer.parseInt(run(List.of("ffprobe", "-v", "error", "-select_streams", "a:0", "-show_entries",
                "stream=sample_rate", "-of", "csv=p=0", file.toString())).trim());
    }

    private static double last(Pattern pattern, String output) {
        Matcher matcher = pattern.matcher(output);
        String value = null;
        while (matcher.find()) {
            value = matcher.group(1);
        }
        if (value == null) {
            throw new IllegalStateException("ffmpeg printed no " + pattern);
        }
        return Double.parseDouble(value);
    }

    /**
     * @param command a command line, such as an ffmpeg conversion
     * @return what it printed on its standard output
     * @throws IllegalStateException if it fails
     */
    static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String output;
            try (InputStream out = process.getInputStream()) {
                output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (process.waitFor() != 0) {
                throw new IllegalStateException(command.get(0) + " failed: " + command);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param integratedLufs integrated loudness (LUFS)
     * @param rangeLu loudness range (LU)
     * @param truePeakDbtp true peak (dBTP), or NaN when not measured
     */
    record Measurement(double integratedLufs, double rangeLu, double truePeakDbtp) {
    }
}
