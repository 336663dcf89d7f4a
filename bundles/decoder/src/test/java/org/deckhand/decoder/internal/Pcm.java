package org.deckhand.decoder.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.deckhand.api.audio.DecodedAudio;

/** Whole-file decodes for tests: through the decoder under test, and through ffmpeg as the reference. */
final class Pcm {

    private static final int READ_FRAMES = 4096;

    private Pcm() {
    }

    /**
     * Reads a stream to its end.
     *
     * @param audio the open stream
     * @return the samples, [channel][frame]
     */
    static float[][] readAll(DecodedAudio audio) throws IOException {
        int channels = audio.format().channels();
        float[][] block = new float[channels][READ_FRAMES];
        float[][] all = new float[channels][1 << 16];
        int total = 0;
        for (int n = audio.read(block, READ_FRAMES); n >= 0; n = audio.read(block, READ_FRAMES)) {
            if (total + n > all[0].length) {
                for (int c = 0; c < channels; c++) {
                    all[c] = Arrays.copyOf(all[c], all[c].length * 2);
                }
            }
            for (int c = 0; c < channels; c++) {
                System.arraycopy(block[c], 0, all[c], total, n);
            }
            total += n;
        }
        for (int c = 0; c < channels; c++) {
            all[c] = Arrays.copyOf(all[c], total);
        }
        return all;
    }

    /**
     * ffmpeg's own decode of a file, at the file's rate.
     *
     * @param file the file
     * @param channels the channels wanted
     * @return the samples, [channel][frame]
     */
    static float[][] ffmpeg(Path file, int channels) {
        try {
            Process p = new ProcessBuilder(List.of("ffmpeg", "-v", "error", "-nostdin", "-i", file.toString(), "-ac",
                    Integer.toString(channels), "-f", "f32le", "-")).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (InputStream out = p.getInputStream()) {
                out.transferTo(bytes);
            }
            p.waitFor();
            ByteBuffer b = ByteBuffer.wrap(bytes.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
            int frames = b.remaining() / 4 / channels;
            float[][] samples = new float[channels][frames];
            for (int i = 0; i < frames; i++) {
                for (int c = 0; c < channels; c++) {
                    samples[c][i] = b.getFloat();
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

    /**
     * @return the Pearson correlation of {@code a[from..from+n)} and {@code b[from+lag..from+lag+n)}
     */
    static double correlation(float[] a, float[] b, int from, int n, int lag) {
        double sa = 0;
        double sb = 0;
        double saa = 0;
        double sbb = 0;
        double sab = 0;
        for (int i = from; i < from + n; i++) {
            double x = a[i];
            double y = b[i + lag];
            sa += x;
            sb += y;
            saa += x * x;
            sbb += y * y;
            sab += x * y;
        }
        double cov = sab - sa * sb / n;
        return cov / Math.sqrt((saa - sa * sa / n) * (sbb - sb * sb / n));
    }

    /**
     * @return the RMS of {@code a[from..from+n)}
     */
    static double rms(float[] a, int from, int n) {
        double sum = 0;
        for (int i = from; i < from + n; i++) {
            sum += a[i] * (double) a[i];
        }
        return Math.sqrt(sum / n);
    }

    /** @return the largest absolute sample value */
    static double peak(float[] a) {
        double peak = 0;
        for (float sample : a) {
            peak = Math.max(peak, Math.abs(sample));
        }
        return peak;
    }
}
