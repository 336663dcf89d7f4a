package org.deckhand.analysis.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reference loudness meter: ffmpeg's {@code ebur128} filter (ITU-R BS.1770-4, EBU R 128), a test tool only.
 * Reads the filter's per-frame metadata, which carries three decimals where its summary carries one; the last frame
 * holds the whole file's integrated loudness.
 */
final class FfmpegLoudness {

    private static final Pattern INTEGRATED = Pattern.compile("lavfi\\.r128\\.I=(-?[0-9.]+|-?inf)");
    private static final int ERROR_LINES_KEPT = 3;

    private FfmpegLoudness() {
    }

    /**
     * @param file an audio file
     * @return its integrated loudness as ffmpeg measures it (LUFS); negative infinity for digital silence
     * @throws IOException if ffmpeg cannot be run or fails on the file; the message names the file and quotes
     *     ffmpeg's last error lines
     * @throws InterruptedException if the thread is interrupted while ffmpeg runs
     */
    static double integratedLufs(Path file) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of("ffmpeg", "-nostats", "-nostdin", "-v", "error", "-i",
                file.toString(), "-af", "ebur128=metadata=1,ametadata=mode=print:file=-", "-f", "null", "-"))
                .redirectErrorStream(true).start();
        String integrated = null;
        Deque<String> otherLines = new ArrayDeque<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                Matcher matcher = INTEGRATED.matcher(line);
                if (matcher.find()) {
                    integrated = matcher.group(1);
                } else if (!line.startsWith("frame:") && !line.startsWith("lavfi.")) {
                    otherLines.addLast(line);
                    if (otherLines.size() > ERROR_LINES_KEPT) {
                        otherLines.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            process.destroyForcibly();
            throw new IOException("could not read ffmpeg's output on " + file + ": " + e.getMessage(), e);
        }
        int exit = process.waitFor();
        if (exit != 0 || integrated == null) {
            throw new IOException("ffmpeg's ebur128 filter " + (exit != 0 ? "failed (exit " + exit + ")"
                    : "printed no integrated loudness") + " on " + file + ": " + String.join(" / ", otherLines));
        }
        return integrated.endsWith("inf") ? Double.NEGATIVE_INFINITY : Double.parseDouble(integrated);
    }
}
