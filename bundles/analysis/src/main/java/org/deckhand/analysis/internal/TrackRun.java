package org.deckhand.analysis.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.deckhand.api.analysis.AnalysisContext;
import org.deckhand.api.analysis.PcmBlock;
import org.deckhand.api.analysis.PcmFormat;
import org.deckhand.api.audio.DecodedAudio;
import org.deckhand.api.library.Track;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One track's decoding and analysis as the {@link CallGuard}'s thread runs it: every analyser's {@code begin}, with
 * one {@link AnalysisContext} for the whole run, then block by block the decoding and conversion of the block and
 * every analyser's {@code process}, then every analyser's {@code finish}. Each is one step; an analyser whose call
 * hangs is failed and the run goes on from the next call.
 */
final class TrackRun implements CallGuard.Steps {

    private static final Logger LOG = LoggerFactory.getLogger(TrackRun.class);

    private enum Phase { BEGIN, BLOCKS, FINISH, DONE }

    private final Track track;
    private final PcmFormat source;
    private final List<FormatBranch> branches;
    private final List<AnalyserSlot> slots;
    private final PcmFormat[] formats;
    private final PcmBlock[] blocks;
    private final BlockReader reader;
    private final RunningTrack.Progress progress;
    private final AnalysisContext context = new AnalysisContext();
    private Phase phase = Phase.BEGIN;
    private int next;
    private boolean blockRead;
    private long frames;
    private boolean whole;

    /**
     * @param track the track
     * @param audio its file, open for decoding
     * @param branches the analysers' slots by the format they asked for
     * @param progress where to report how far decoding has come
     */
    TrackRun(Track track, DecodedAudio audio, List<FormatBranch> branches, RunningTrack.Progress progress) {
        this.track = track;
        this.source = audio.format();
        this.branches = branches;
        this.slots = branches.stream().flatMap(branch -> branch.slots().stream()).toList();
        this.formats = branches.stream().flatMap(branch -> branch.slots().stream()
                .map(slot -> branch.converter().target())).toArray(PcmFormat[]::new);
        this.blocks = new PcmBlock[slots.size()];
        this.reader = new BlockReader(audio, branches, blocks);
        this.progress = progress;
    }

    @Override
    public void run(CallGuard.Watch watch) {
        while (phase != Phase.DONE) {
            if (phase == Phase.BLOCKS && !blockRead) {
                if (branches.stream().noneMatch(FormatBranch::live)) {
                    phase = Phase.DONE;
                    return;
                }
                if (!watch.enter(CallGuard.DECODING)) {
                    return;
                }
                reader.run();
                if (!watch.leave()) {
                    return;
                }
                blockRead = true;
                if (!decoded()) {
                    phase = Phase.DONE;
                    return;
                }
            }
            if (next < slots.size()) {
                if (!watch.enter(next)) {
                    return;
                }
                call(next);
                if (!watch.leave()) {
                    return;
                }
                next++;
            } else {
                next = 0;
                nextPhase();
            }
        }
    }

    @Override
    public boolean skip(int step, String reason) {
        if (step == CallGuard.DECODING) {
            return false;
        }
        AnalyserSlot hung = slots.get(step);
        hung.hang(reason);
        LOG.warn("Analyser {} hangs on {}; its thread is left behind", hung.descriptor().id(), track.file().path());
        next = step + 1;
        return true;
    }

    /** @return whether every analyser was given the whole file and asked to finish */
    boolean wholeFile() {
        return whole;
    }

    /** @return how much of the file has been decoded, seconds */
    double decodedSeconds() {
        return (double) frames / source.sampleRateHz();
    }

    private void call(int index) {
        AnalyserSlot slot = slots.get(index);
        switch (phase) {
            case BEGIN -> slot.begin(track, formats[index], source, context);
            case BLOCKS -> {
                if (blocks[index].frames() > 0) {
                    slot.process(blocks[index]);
                }
            }
            case FINISH -> slot.finish();
            case DONE -> throw new IllegalStateException("no call after the run");
        }
    }

    /**
     * @param track the track
     * @param failure what the decoder threw, other than an {@link IOException} (whose message names the file)
     * @return the reason for the track's analysers, naming the file
     */
    static String decoderFailure(Track track, Throwable failure) {
        return "the decoder failed on " + track.file().path() + ": " + failure;
    }

    /** @return whether the block was decoded; if not, every analyser has failed with the reason */
    private boolean decoded() {
        Throwable failure = reader.failure();
        if (failure != null) {
            String reason = String.format("decoding stopped at %.1f s: %s", decodedSeconds(),
                    failure instanceof IOException ? failure.getMessage() : decoderFailure(track, failure));
            slots.forEach(slot -> slot.fail(reason));
            return false;
        }
        frames += reader.frames();
        progress.decodedSeconds(decodedSeconds());
        return true;
    }

    private void nextPhase() {
        switch (phase) {
            case BEGIN -> phase = Phase.BLOCKS;
            case BLOCKS -> {
                if (!reader.ended()) {
                    blockRead = false;
                } else if (frames == 0) {
                    slots.forEach(slot -> slot.fail(track.file().path() + " holds no audio"));
                    phase = Phase.DONE;
                } else {
                    phase = Phase.FINISH;
                }
            }
            case FINISH -> {
                whole = true;
                phase = Phase.DONE;
            }
            case DONE -> throw new IllegalStateException("the run is over");
        }
    }

    /**
     * Decodes the next block of a file and converts it for every branch, clipping it for the analysers that did not
     * ask for unclipped audio. At the end of the file it flushes the converters. Whatever the decoder throws is kept,
     * an {@link Error} too.
     */
    private static final class BlockReader implements Runnable {

        private final DecodedAudio audio;
        private final List<FormatBranch> branches;
        private final PcmBlock[] blocks;
        private final float[][] samples;
        private int frames;
        private boolean ended;
        private Throwable failure;

        BlockReader(DecodedAudio audio, List<FormatBranch> branches, PcmBlock[] blocks) {
            this.audio = audio;
            this.branches = branches;
            this.blocks = blocks;
            this.samples = new float[audio.format().channels()][TrackAnalysis.BLOCK_FRAMES];
        }

        @Override
        public void run() {
            int read;
            try {
                read = audio.read(samples, TrackAnalysis.BLOCK_FRAMES);
            } catch (IOException | RuntimeException | Error e) {
                failure = e;
                ended = true;
                frames = 0;
                Arrays.fill(blocks, new PcmBlock(samples, 0, 0));
                return;
            }
            ended = read <= 0;
            frames = Math.max(read, 0);
            int index = 0;
            for (FormatBranch branch : branches) {
                PcmBlock block = branch.converter().convert(samples, frames, ended);
                PcmBlock clipped = branch.clipped(block);
                for (AnalyserSlot slot : branch.slots()) {
                    blocks[index++] = slot.descriptor().unclipped() ? block : clipped;
                }
            }
        }

        /** @return the frames of the file decoded in the last block, 0 at its end */
        int frames() {
            return frames;
        }

        /** @return whether the last block reached the end of the file, or decoding failed */
        boolean ended() {
            return ended;
        }

        /** @return what the decoder threw, or null */
        Throwable failure() {
            return failure;
        }
    }
}
