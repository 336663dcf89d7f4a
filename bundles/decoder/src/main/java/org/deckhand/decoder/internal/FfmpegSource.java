package org.deckhand.decoder.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.deckhand.api.audio.UnsupportedAudioException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes through an ffmpeg process. The file goes to ffmpeg's standard input from the digesting stream, on a writer
 * thread, so that its bytes are read once; ffmpeg's standard output is read on the calling thread, its standard error
 * drained on a third ({@link StderrTail}) and quoted in error messages; {@link #close()} kills the process.
 *
 * <p>ffmpeg writes a WAV stream of 32-bit floats ({@code -c:a pcm_f32le -f wav}) rather than raw samples: its header
 * gives the sample rate and channel count, which the caller needs before the first sample. The {@code aformat} filter
 * keeps mono and stereo as they are, downmixes more channels to stereo (ffmpeg's default matrix, normalised by
 * {@code rematrix_maxval=1} so that it cannot clip, like {@link StereoDownmix}), and keeps the rate unless it is
 * outside 8 to 192 kHz (DSD decodes at 352.8 kHz), when ffmpeg resamples to the nearest rate listed.
 *
 * <p>Exceptions: an MP4 file (ALAC, fragmented, MP3 in MP4) is given to ffmpeg by path, since ffmpeg cannot read an
 * MP4 whose {@code moov} box follows the audio from a pipe; so is a file no magic number recognised, since ffmpeg
 * then needs the file name's extension to probe some formats (tracker modules). The digest then reads the file
 * separately, at {@link org.deckhand.api.audio.DecodedAudio#sha256()}: two reads, the second mostly from the page
 * cache.
 */
final class FfmpegSource implements PcmSource {

    private static final Logger LOG = LoggerFactory.getLogger(FfmpegSource.class);
    private static final int PIPE_BYTES = 64 * 1024;
    private static final long EXIT_WAIT_SECONDS = 10;
    private static final String OUTPUT_FORMAT = "aresample=rematrix_maxval=1"
            + ",aformat=sample_fmts=flt:channel_layouts=mono|stereo"
            + ":sample_rates=8000|11025|12000|16000|22050|24000|32000|37800|44056|44100|47250|48000|50000|50400"
            + "|64000|88200|96000|176400|192000";

    private final String fileName;
    private final Process process;
    private final Thread writer;
    private final Thread stderrReader;
    private final StderrTail stderr;
    private InterleavedPcmSource pcm;
    private long framesDecoded;

    private FfmpegSource(String fileName, Process process, Thread writer, StderrTail stderr, Thread stderrReader) {
        this.fileName = fileName;
        this.process = process;
        this.writer = writer;
        this.stderr = stderr;
        this.stderrReader = stderrReader;
    }

    /**
     * Starts ffmpeg and reads the header of its output.
     *
     * @param fileName the file's name, for messages
     * @param ffmpeg the ffmpeg executable
     * @param file the file, given to ffmpeg by path when {@code in} is null
     * @param in the file's digesting stream at its first byte, fed to ffmpeg's standard input; or null to give ffmpeg
     *     the path
     * @param failure what to say, after the file's name and before ffmpeg's last error lines, when ffmpeg produces no
     *     audio
     * @return the decoder, before the first sample
     * @throws UnsupportedAudioException if ffmpeg produces no audio, with ffmpeg's last error lines
     * @throws IOException if ffmpeg cannot be started
     */
    static FfmpegSource open(String fileName, Path ffmpeg, Path file, InputStream in, String failure)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(ffmpeg.toString(), "-hide_banner", "-v", "error"));
        if (in == null) {
            command.add("-nostdin");
        }
        command.addAll(List.of("-i", in == null ? file.toString() : "pipe:0", "-vn", "-sn", "-dn", "-af",
                OUTPUT_FORMAT, "-c:a", "pcm_f32le", "-f", "wav", "pipe:1"));
        Process process = new ProcessBuilder(command).start();
        StderrTail stderr = new StderrTail(process.getErrorStream());
        Thread stderrReader = daemon("ffmpeg stderr " + fileName, stderr);
        Thread writer = null;
        if (in != null) {
            writer = daemon("ffmpeg stdin " + fileName, () -> feed(in, process.getOutputStream()));
        } else {
            process.getOutputStream().close();
        }
        FfmpegSource source = new FfmpegSource(fileName, process, writer, stderr, stderrReader);
        try {
            source.pcm = WaveReader.open(fileName, new BufferedInputStream(process.getInputStream(), PIPE_BYTES),
                    true, "ffmpeg");
        } catch (IOException | FfmpegRequiredException e) {
            source.awaitExit();
            source.close();
            throw new UnsupportedAudioException(fileName + ": " + failure + ": " + source.stderr.lastLines(), e);
        }
        return source;
    }

    private static Thread daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Copies the file to ffmpeg until the file ends or ffmpeg stops reading. */
    private static void feed(InputStream in, OutputStream stdin) {
        byte[] buffer = new byte[PIPE_BYTES];
        try (stdin) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                stdin.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // ffmpeg stopped reading (it ended, or was killed); the digest reads the rest of the file
        }
    }

    @Override
    public int sampleRateHz() {
        return pcm.sampleRateHz();
    }

    @Override
    public Speaker[] speakers() {
        return pcm.speakers();
    }

    @Override
    public String decoderName() {
        return "ffmpeg";
    }

    @Override
    public int decodeBlock() throws IOException {
        int n = pcm.decodeBlock();
        if (n > 0) {
            framesDecoded += n;
            return n;
        }
        int exit = awaitExit();
        if (exit != 0) {
            if (framesDecoded == 0) {
                throw new IOException(fileName + ": ffmpeg failed (exit " + exit + "): " + stderr.lastLines());
            }
            LOG.warn("{}: ffmpeg stopped after {} s (exit {}): {}", fileName,
                    String.format("%.2f", framesDecoded / (double) pcm.sampleRateHz()), exit, stderr.lastLines());
        }
        return -1;
    }

    private int awaitExit() throws IOException {
        try {
            if (!process.waitFor(EXIT_WAIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            stderrReader.join(TimeUnit.SECONDS.toMillis(EXIT_WAIT_SECONDS));
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(fileName + ": interrupted while waiting for ffmpeg", e);
        }
    }

    @Override
    public float[][] block() {
        return pcm.block();
    }

    @Override
    public void finishReading() throws IOException {
        if (writer == null) {
            return;
        }
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(fileName + ": interrupted while ffmpeg read the file", e);
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.getInputStream().close();
        } catch (IOException e) {
            LOG.debug("{}: closing ffmpeg's output: {}", fileName, e.toString());
        }
    }
}
