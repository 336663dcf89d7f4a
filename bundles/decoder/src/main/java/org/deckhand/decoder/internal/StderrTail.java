package org.deckhand.decoder.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Drains a process's error stream on its own thread, so that the process never blocks on a full pipe, and keeps its
 * last lines for error messages.
 */
final class StderrTail implements Runnable {

    private static final int LINES_KEPT = 5;
    private static final int LINE_CHARS_KEPT = 300;

    private final InputStream stderr;
    private final Deque<String> lines = new ArrayDeque<>();

    /**
     * @param stderr the process's error stream
     */
    StderrTail(InputStream stderr) {
        this.stderr = stderr;
    }

    @Override
    public void run() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stderr, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                synchronized (lines) {
                    if (lines.size() == LINES_KEPT) {
                        lines.removeFirst();
                    }
                    lines.addLast(line.length() > LINE_CHARS_KEPT ? line.substring(0, LINE_CHARS_KEPT) : line);
                }
            }
        } catch (IOException e) {
            // the process was killed; what was read is kept
        }
    }

    /**
     * @return the last lines read, joined by " | ", or "no message" when there were none
     */
    String lastLines() {
        synchronized (lines) {
            return lines.isEmpty() ? "no message" : String.join(" | ", lines);
        }
    }
}
