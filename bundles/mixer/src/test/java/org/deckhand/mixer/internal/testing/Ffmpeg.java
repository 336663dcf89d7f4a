package org.deckhand.mixer.internal.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Runs the machine's ffmpeg as a player would: decodes a file and tells what it heard and what it complained of. */
public final class Ffmpeg {

    private Ffmpeg() {
    }

    /**
     * What ffmpeg made of a file.
     *
     * @param frames how many stereo frames it decoded, at 44.1 kHz
     * @param errors what it wrote to stderr at the level {@code error}: empty when every frame was valid
     */
    public record Decoded(long frames, String errors) {

        /** @return the decoded duration, seconds */
        public double seconds() {
            return frames / 44_100.0;
        }
    }

    /**
     * @param file an audio file
     * @param inputOptions options before {@code -i}, such as the format
     * @return what ffmpeg decoded from it, as 16-bit stereo at 44.1 kHz
     * @throws IOException if ffmpeg cannot be run
     * @throws InterruptedException if interrupted while it runs
     */
    public static Decoded decode(Path file, String... inputOptions) throws IOException, InterruptedException {
        assumeTrue(available(), "ffmpeg is not installed");
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error"));
        command.addAll(List.of(inputOptions));
        command.addAll(List.of("-i", file.toString(), "-f", "s16le", "-ac", "2", "-ar", "44100", "-"));
        Process process = new ProcessBuilder(command).start();
        CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> drain(process.getErrorStream()));
        long bytes = 0;
        try (InputStream out = process.getInputStream()) {
            byte[] buffer = new byte[65_536];
            int count;
            while ((count = out.read(buffer)) > 0) {
                bytes += count;
            }
        }
        process.waitFor();
        return new Decoded(bytes / 4, errors.join());
    }

    private static String drain(InputStream stream) {
        try (stream) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            stream.transferTo(bytes);
            return bytes.toString(StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static boolean available() {
        try {
            return new ProcessBuilder("ffmpeg", "-version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
