package org.deckhand.subsonic.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.deckhand.api.audio.Mp3Transcoder;
import org.deckhand.api.audio.UnsupportedAudioException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Transcodes a song for {@code stream} when {@code format} or {@code maxBitRate} asks, from {@code timeOffset}
 * seconds on (the OpenSubsonic {@code transcodeOffset} extension): MP3 with the mixer's own encoder
 * ({@link Mp3Transcoder}, at the MPEG bit rate at or below the one asked), or with ffmpeg's LAME when the mixer does
 * not run; Opus in Ogg with ffmpeg where it is on the {@code PATH} (32 to 320 kbit/s, 192 by default). At most
 * {@value #MAX_RUNNING} run at once, to keep a small NAS responsive.
 */
final class Transcoder {

    static final int MAX_RUNNING = 4;
    static final int DEFAULT_KBPS = 192;
    static final int MIN_KBPS = 32;
    static final int MAX_KBPS = 320;

    private static final Logger LOG = LoggerFactory.getLogger(Transcoder.class);
    private static final int BUFFER_BYTES = 16_384;
    private static final int MAX_ERROR_CHARS = 2000;

    /**
     * A transcoding to do.
     *
     * @param format {@code mp3} or {@code opus}
     * @param kbps the bit rate in kbit/s
     * @param offsetSeconds where to start, in seconds
     */
    record Target(String format, int kbps, long offsetSeconds) {

        String contentType() {
            return format.equals("mp3") ? "audio/mpeg" : "audio/ogg";
        }
    }

    private final Optional<Path> ffmpeg;
    private final Mp3Transcoder mp3;
    private final Semaphore running = new Semaphore(MAX_RUNNING);

    /**
     * @param ffmpeg the ffmpeg program, or empty when it is not installed
     * @param mp3 the mixer's MP3 encoding, or null when the mixer does not run
     */
    Transcoder(Optional<Path> ffmpeg, Mp3Transcoder mp3) {
        this.ffmpeg = ffmpeg;
        this.mp3 = mp3;
    }

    /**
     * @param searchPath folders in the form of the {@code PATH} environment variable, or null
     * @return the first executable {@code ffmpeg} in them
     */
    static Optional<Path> find(String searchPath) {
        if (searchPath == null) {
            return Optional.empty();
        }
        for (String folder : searchPath.split(File.pathSeparator)) {
            Path candidate = folder.isBlank() ? null : Path.of(folder, "ffmpeg");
            if (candidate != null && Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** @return whether it can transcode at all: the mixer's MP3 encoding or ffmpeg is there */
    boolean available() {
        return mp3 != null || ffmpeg.isPresent();
    }

    /**
     * Decides whether a request asks for a transcoding.
     *
     * @param song the song asked for
     * @param params the request's {@code format}, {@code maxBitRate} and {@code timeOffset}
     * @return what to transcode to, or empty for the original file: {@code format=raw}, the song's own format
     *     without a lower bit rate or an offset, or nothing here that makes the format asked (Opus without ffmpeg)
     * @throws SubsonicException code 0 for a format other than mp3, opus and raw, or a malformed number
     */
    Optional<Target> target(Song song, Params params) throws SubsonicException {
        String format = Optional.ofNullable(params.get("format")).map(f -> f.toLowerCase(Locale.ROOT)).orElse(null);
        int maxBitRate = params.integer("maxBitRate", 0, 0, Integer.MAX_VALUE);
        long offset = params.nonNegativeLong("timeOffset", 0);
        if (format != null && !format.equals("mp3") && !format.equals("opus") && !format.equals("raw")
                && !format.equals(song.suffix())) {
            throw new SubsonicException(SubsonicException.GENERIC, "Parameter format must be mp3, opus or raw, not '"
                    + format + "'");
        }
        boolean tooFast = maxBitRate > 0 && (song.bitRateKbps() == 0 || song.bitRateKbps() > maxBitRate);
        boolean otherFormat = format != null && (format.equals("mp3") || format.equals("opus"))
                && !format.equals(song.suffix());
        boolean named = format != null && (format.equals("mp3") || format.equals("opus"));
        String chosen = named ? format : "mp3";
        boolean makes = chosen.equals("mp3") ? available() : ffmpeg.isPresent();
        if ("raw".equals(format) || !makes || !(tooFast || otherFormat || offset > 0)) {
            return Optional.empty();
        }
        int kbps = maxBitRate > 0 ? Math.max(MIN_KBPS, Math.min(MAX_KBPS, maxBitRate)) : DEFAULT_KBPS;
        return Optional.of(new Target(chosen, chosen.equals("mp3") && mp3 != null ? mp3.nearestBitRate(kbps) : kbps,
                offset));
    }

    /**
     * Streams the transcoded song to the response as it is made.
     *
     * @param song the song
     * @param target what to make of it
     * @param headOnly whether to send the headers alone
     * @param response where to send it
     * @throws SubsonicException code 0 while {@value #MAX_RUNNING} transcodings already run, or when the song cannot
     *     be decoded
     * @throws IOException if ffmpeg cannot start, the file cannot be read or the client went away
     */
    void send(Song song, Target target, boolean headOnly, HttpServletResponse response)
            throws SubsonicException, IOException {
        response.setContentType(target.contentType());
        response.setHeader("Accept-Ranges", "none");
        if (headOnly) {
            return;
        }
        if (!running.tryAcquire()) {
            throw new SubsonicException(SubsonicException.GENERIC, "The server transcodes " + MAX_RUNNING
                    + " songs already: try again later, or stream the original (format=raw)");
        }
        if (target.format().equals("mp3") && mp3 != null) {
            try {
                mp3.transcode(song.path(), target.offsetSeconds(), target.kbps(), response.getOutputStream());
            } catch (UnsupportedAudioException e) {
                throw new SubsonicException(SubsonicException.GENERIC, "Song " + song.id() + " cannot be transcoded: "
                        + e.getMessage());
            } finally {
                running.release();
            }
            return;
        }
        Process process = null;
        try {
            process = new ProcessBuilder(command(song.path(), target)).start();
            process.getOutputStream().close();
            Thread errors = drain(process.getErrorStream(), song.path());
            try (InputStream in = process.getInputStream()) {
                OutputStream out = response.getOutputStream();
                byte[] buffer = new byte[BUFFER_BYTES];
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    out.write(buffer, 0, read);
                }
            }
            errors.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (process != null) {
                process.destroy();
            }
            running.release();
        }
    }

    private List<String> command(Path file, Target target) {
        List<String> command = new ArrayList<>(List.of(ffmpeg.orElseThrow().toString(), "-hide_banner", "-nostdin",
                "-v", "error"));
        if (target.offsetSeconds() > 0) {
            command.addAll(List.of("-ss", Long.toString(target.offsetSeconds())));
        }
        command.addAll(List.of("-i", file.toString(), "-map", "0:a:0", "-vn", "-b:a", target.kbps() + "k"));
        command.addAll(target.format().equals("mp3") ? List.of("-c:a", "libmp3lame", "-f", "mp3")
                : List.of("-c:a", "libopus", "-f", "ogg"));
        command.add("pipe:1");
        return command;
    }

    /** Reads ffmpeg's error output while it runs, so that it never blocks on a full pipe, and logs it. */
    private static Thread drain(InputStream errors, Path file) {
        Thread thread = new Thread(() -> {
            try (errors) {
                String text = new String(errors.readAllBytes(), StandardCharsets.UTF_8).strip();
                if (!text.isEmpty()) {
                    LOG.warn("ffmpeg reports on {}: {}", file, text.length() > MAX_ERROR_CHARS
                            ? text.substring(0, MAX_ERROR_CHARS) : text);
                }
            } catch (IOException e) {
                LOG.debug("ffmpeg's error output of {} ended: {}", file, e.getMessage());
            }
        }, "subsonic-transcode-errors");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
