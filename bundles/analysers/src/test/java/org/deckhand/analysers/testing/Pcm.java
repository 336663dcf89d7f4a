package org.deckhand.analysers.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deckhand.api.analysis.PcmFormat;

/**
 * Decodes test audio with ffmpeg, a test tool only: the analysers' tests need PCM, not the decoder bundle.
 */
public final class Pcm {

    private Pcm() {
    }

    /**
     * @param file an audio file
     * @param format the sample rate (Hz) and channels wanted; ffmpeg resamples and downmixes
     * @return the samples, {@code [channel][frame]}
     */
    public static float[][] decode(Path file, PcmFormat format) {
        assumeTrue(onPath("ffmpeg"), "ffmpeg is needed (apt-get install ffmpeg)");
        List<String> command = List.of("ffmpeg", "-v", "error", "-nostdin", "-i", file.toString(), "-f", "f32le",
                "-ac", Integer.toString(format.channels()), "-ar", Integer.toString(format.sampleRateHz()), "-");
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] bytes;
            try (InputStream out = process.getInputStream()) {
                ByteArrayOutputStream buffer = new ByteArrayOutputStream();
                out.transferTo(buffer);
                bytes = buffer.toByteArray();
            }
            if (process.waitFor() != 0) {
                throw new IllegalStateException("ffmpeg could not decode " + file);
            }
            FloatBuffer floats = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
            int frames = floats.remaining() / format.channels();
            float[][] samples = new float[format.channels()][frames];
            for (int frame = 0; frame < frames; frame++) {
                for (int channel = 0; channel < format.channels(); channel++) {
                    samples[channel][frame] = floats.get();
                }
            }
            return samples;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** @return whether a program is on the PATH */
    public static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
