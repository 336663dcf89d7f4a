package org.deckhand.tags.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Runs ffmpeg and ffprobe for the tests, draining both of their outputs so that they never block. */
final class Tools {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Tools() {
    }

    /** Skips the calling test when the corpus is not configured; returns its folder otherwise. */
    static Path corpus() {
        String corpus = System.getProperty("deckhand.corpus");
        assumeTrue(corpus != null && !corpus.isBlank() && Files.isRegularFile(Path.of(corpus, "manifest.tsv")),
                "no test corpus: build it with `/work/shared/corpus/build.sh --quick /tmp/deckhand-corpus`, then run "
                        + "`DECKHAND_CORPUS=/tmp/deckhand-corpus mvn -B -q install`");
        return Path.of(corpus);
    }

    /** Skips the calling test when ffmpeg and ffprobe are not installed. */
    static void assumeFfmpeg() {
        assumeTrue(onPath("ffmpeg") && onPath("ffprobe"), "ffmpeg and ffprobe are needed (apt-get install ffmpeg)");
    }

    /** @return {@code ffprobe -show_format -show_streams} of a file, as JSON */
    static JsonNode ffprobe(Path file) {
        String json = run(List.of("ffprobe", "-v", "quiet", "-print_format", "json", "-show_format", "-show_streams",
                file.toString()));
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs ffmpeg with the given arguments, quietly and overwriting its output. */
    static void ffmpeg(String... arguments) {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error", "-y"));
        command.addAll(List.of(arguments));
        run(command);
    }

    /** Runs a command; fails the test when it exits with a non-zero status. */
    static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).start();
            CompletableFuture<byte[]> stderr = CompletableFuture.supplyAsync(() -> drain(process.getErrorStream()));
            byte[] stdout = drain(process.getInputStream());
            int status = process.waitFor();
            assertEquals(0, status, () -> command + " failed: " + new String(stderr.join(), StandardCharsets.UTF_8));
            return new String(stdout, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] drain(InputStream stream) {
        try (stream; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            stream.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String folder : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(folder, tool))) {
                return true;
            }
        }
        return false;
    }
}
