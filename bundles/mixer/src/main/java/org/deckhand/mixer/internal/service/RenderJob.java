package org.deckhand.mixer.internal.service;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.deckhand.api.cue.CueProblem;
import org.deckhand.api.cue.CueSheetWriter;
import org.deckhand.api.cue.CueWriting;
import org.deckhand.mixer.internal.encode.AudioEncoder;
import org.deckhand.mixer.internal.encode.FlacEncoder;
import org.deckhand.mixer.internal.encode.FlacStreamInfo;
import org.deckhand.mixer.internal.encode.Mp3Encoder;
import org.deckhand.mixer.internal.encode.Mp3InfoTag;
import org.deckhand.mixer.internal.encode.StreamFormat;
import org.deckhand.mixer.internal.render.MixListener;
import org.deckhand.mixer.internal.render.MixRenderer;
import org.deckhand.mixer.internal.render.TrackFeed;
import org.deckhand.mixer.internal.render.TrackOpener;
import org.deckhand.mixer.internal.render.TrackStart;
import org.deckhand.mixer.internal.render.TransitionOptions;
import org.deckhand.mixer.internal.track.TrackFacts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders a whole planned mix into a new FLAC or MP3 file as fast as one thread allows (a daemon below normal
 * priority), with its CUE sheet beside it. A FLAC file's STREAMINFO gets its length, an MP3 file a Xing Info frame
 * with its LAME tag ({@link Mp3InfoTag}), so that players decode exactly the mix's samples and the CUE times hold. The file's name holds the mix's id and the time, and a number when that
 * name is taken: a render never overwrites a file. It posts {@code org/deckhand/mixer/render/PROGRESS} at most once
 * a second, then {@code COMPLETED} or {@code FAILED}. Thread-safe.
 */
final class RenderJob implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(RenderJob.class);
    private static final int BLOCK_FRAMES = 8192;
    /** The shortest time between two progress events, nanoseconds. */
    static final long PROGRESS_INTERVAL_NANOS = 1_000_000_000L;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final String mixId;
    private final List<TrackFacts> tracks;
    private final TrackOpener opener;
    private final TransitionOptions options;
    private final StreamFormat format;
    private final int bitRateKbps;
    private final Path file;
    private final Path cueFile;
    private final CueSheetWriter cueSheets;
    private final double expectedFrames;
    private final MixEvents events;
    private final LongSupplier nanoClock;
    private volatile long renderedFrames;
    private volatile String state = "RUNNING";
    private volatile String error;
    private volatile boolean cancelled;

    /**
     * Reserves the file's name at once, by creating it empty.
     *
     * @param mixId the mix
     * @param tracks the planned tracks, in order
     * @param opener opens each track
     * @param options how to mix them
     * @param format FLAC or MP3
     * @param bitRateKbps the MP3 bit rate, kbit/s
     * @param folder the renders folder
     * @param cueSheets writes the CUE sheet beside the file
     * @param events where its progress, completion or failure is posted
     * @param nanoClock a monotonic clock, nanoseconds, such as {@link System#nanoTime}: it spaces the progress events
     * @throws IOException if the folder or the file cannot be created
     */
    RenderJob(String mixId, List<TrackFacts> tracks, TrackOpener opener, TransitionOptions options,
            StreamFormat format, int bitRateKbps, Path folder, CueSheetWriter cueSheets, MixEvents events,
            LongSupplier nanoClock) throws IOException {
        this.mixId = mixId;
        this.tracks = List.copyOf(tracks);
        this.opener = opener;
        this.options = options;
        this.format = format;
        this.bitRateKbps = bitRateKbps;
        this.cueSheets = cueSheets;
        this.events = events;
        this.nanoClock = nanoClock;
        Files.createDirectories(folder);
        file = reserve(folder, "mix-" + mixId + "-" + LocalDateTime.now().format(STAMP), format.extension());
        String name = file.getFileName().toString();
        cueFile = file.resolveSibling(name.substring(0, name.lastIndexOf('.')) + ".cue");
        expectedFrames = tracks.stream().mapToDouble(TrackFacts::durationSeconds).sum() * options.sampleRateHz();
    }

    private static Path reserve(Path folder, String base, String extension) throws IOException {
        for (int attempt = 1;; attempt++) {
            String suffix = attempt == 1 ? "" : "-" + attempt;
            Path candidate = folder.resolve(base + suffix + "." + extension);
            Path cue = folder.resolve(base + suffix + ".cue");
            if (Files.exists(cue)) {
                continue;
            }
            try {
                return Files.createFile(candidate).toAbsolutePath();
            } catch (FileAlreadyExistsException e) {
                LOG.trace("{} exists, trying the next name", candidate);
            }
        }
    }

    /** @return where the render is */
    RenderStatus status() {
        String now = state;
        double progress = "DONE".equals(now) ? 1
                : Math.min(0.99, renderedFrames / Math.max(1, expectedFrames));
        return new RenderStatus(now, progress, file.toString(), cueFile.toString(), error);
    }

    /** Stops the render at its next block; it then fails, and the partial file stays. */
    void cancel() {
        cancelled = true;
    }

    /** @return whether it is still running */
    boolean running() {
        return "RUNNING".equals(state);
    }

    @Override
    public void run() {
        List<TracklistEntry> started = new ArrayList<>();
        long startNanos = nanoClock.getAsLong();
        try {
            render(started, startNanos);
            CueWriting cue = cueSheets.write(MixCueSheet.draft(mixId, file.getFileName().toString(),
                    renderedFrames / (double) options.sampleRateHz(), started));
            for (CueProblem problem : cue.problems()) {
                LOG.warn("Mix {}: the CUE sheet of {}: {}", mixId, file, problem.message());
            }
            Files.write(cueFile, cue.bytes());
            state = "DONE";
            LOG.info("Rendered mix {} into {}", mixId, file);
            events.renderCompleted(mixId, file, (nanoClock.getAsLong() - startNanos) / 1e9);
        } catch (IOException | RuntimeException e) {
            error = "cannot render mix " + mixId + " into " + file + ": " + e.getMessage();
            state = "FAILED";
            LOG.warn(error, e);
            events.renderFailed(mixId, file, error);
        }
    }

    private void render(List<TracklistEntry> started, long startNanos) throws IOException {
        Iterator<TrackFacts> rest = tracks.subList(1, tracks.size()).iterator();
        TrackFeed feed = () -> rest.hasNext() ? Optional.of(rest.next()) : Optional.empty();
        MixListener listener = new MixListener() {
            @Override
            public void trackStarted(TrackStart start) {
                TrackFacts track = start.track();
                started.add(TracklistEntry.of(started.size() + 1, track,
                        start.fadeInStartFrame() / (double) options.sampleRateHz()));
            }

            @Override
            public void trackFailed(TrackFacts track, IOException failure) {
                LOG.warn("Mix {}: {} is left out of the render: {}", mixId, track.displayName(),
                        failure.getMessage());
            }
        };
        AudioEncoder encoder = format == StreamFormat.MP3 ? new Mp3Encoder(options.sampleRateHz(), bitRateKbps)
                : new FlacEncoder(options.sampleRateHz());
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file));
                MixRenderer renderer = new MixRenderer(tracks.get(0), feed, opener, options, listener)) {
            out.write(encoder.header());
            if (format == StreamFormat.MP3) {
                out.write(Mp3InfoTag.placeholder(options.sampleRateHz(), bitRateKbps));
            }
            float[][] block = new float[2][BLOCK_FRAMES];
            int count;
            long lastProgressNanos = startNanos;
            while ((count = renderer.read(block, 0, BLOCK_FRAMES)) > 0) {
                if (cancelled) {
                    throw new IOException("the render was cancelled: the mixer stopped");
                }
                encoder.encode(block, 0, count, out::write);
                renderedFrames += count;
                long now = nanoClock.getAsLong();
                if (now - lastProgressNanos >= PROGRESS_INTERVAL_NANOS) {
                    lastProgressNanos = now;
                    events.renderProgress(mixId, status().progress());
                }
            }
            encoder.finish(out::write);
        }
        if (format == StreamFormat.FLAC) {
            FlacStreamInfo.writeTotalFrames(file, renderedFrames);
        } else {
            Mp3InfoTag.write(file, options.sampleRateHz(), bitRateKbps, renderedFrames);
        }
    }
}
