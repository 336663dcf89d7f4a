package org.deckhand.analysis.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deckhand.api.analysis.PcmBlock;
import org.deckhand.api.analysis.PcmFormat;
import org.deckhand.api.audio.AudioDecoder;
import org.deckhand.api.audio.DecodedAudio;
import org.deckhand.api.catalog.AnalysisLedger;
import org.deckhand.api.catalog.Catalog;
import org.deckhand.api.catalog.CatalogException;
import org.deckhand.api.library.Track;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Analyses one track: decodes its file once, as the codec produced it, converts the audio to each format the
 * analysers asked for, clips to [-1, 1] the blocks that go beyond it for the analysers that did not ask for
 * unclipped audio, fans every block out to them, and stores each result or failure. The same read of the file gives its SHA-256. Each block is
 * decoded, converted and analysed on the {@link CallGuard}'s thread, so that one thread touches it from start to end,
 * while the worker only waits for it within the call timeout. One instance per worker thread.
 */
final class TrackAnalysis {

    /** Frames decoded at a time: about 0.74 s at 44.1 kHz, so that the one hand-off to the guard thread per block
     * costs little. */
    static final int BLOCK_FRAMES = 32_768;

    private static final Logger LOG = LoggerFactory.getLogger(TrackAnalysis.class);

    private final Catalog catalog;
    private final AnalysisLedger ledger;
    private final AudioDecoder decoder;
    private final AnalysisEvents events;
    private final CallGuard guard;

    TrackAnalysis(Catalog catalog, AnalysisLedger ledger, AudioDecoder decoder, AnalysisEvents events,
            CallGuard guard) {
        this.catalog = catalog;
        this.ledger = ledger;
        this.decoder = decoder;
        this.events = events;
        this.guard = guard;
    }

    /**
     * Runs the analysers' slots over a track and records what each found.
     *
     * @param track the track
     * @param slots one fresh slot for each analyser due
     * @param progress where to report how far decoding has come
     * @throws InterruptedException if the worker is interrupted; nothing is recorded then
     */
    void run(Track track, List<AnalyserSlot> slots, RunningTrack.Progress progress) throws InterruptedException {
        String sha256 = null;
        try (DecodedAudio audio = decoder.openUnclipped(track.file().path())) {
            if (decode(track, audio, slots, progress)) {
                sha256 = audio.sha256();
            }
        } catch (IOException e) {
            slots.forEach(slot -> slot.fail(e.getMessage()));
        }
        record(track, slots, sha256);
    }

    /** @return whether the whole file was decoded */
    private boolean decode(Track track, DecodedAudio audio, List<AnalyserSlot> slots, RunningTrack.Progress progress)
            throws InterruptedException {
        PcmFormat source = audio.format();
        List<FormatBranch> branches = branches(source, slots);
        for (FormatBranch branch : branches) {
            PcmFormat format = branch.converter().target();
            guard.forEach(branch.slots(), slot -> slot.begin(track, format, source));
        }
        List<AnalyserSlot> fanOut = branches.stream().flatMap(branch -> branch.slots().stream()).toList();
        PcmBlock[] blocks = new PcmBlock[fanOut.size()];
        BlockReader reader = new BlockReader(audio, branches, blocks);
        long frames = 0;
        do {
            if (branches.stream().noneMatch(FormatBranch::live)) {
                return false;
            }
            boolean decoded = guard.forEach(reader, fanOut, (analyser, index) -> {
                if (blocks[index].frames() > 0) {
                    analyser.process(blocks[index]);
                }
            });
            IOException failure = decoded ? reader.failure() : new IOException(
                    "the decoder did not return within the analysers' call timeout");
            if (failure != null) {
                String reason = String.format("decoding stopped at %.1f s: %s",
                        (double) frames / source.sampleRateHz(), failure.getMessage());
                slots.forEach(slot -> slot.fail(reason));
                return false;
            }
            frames += reader.frames();
            progress.decodedSeconds((double) frames / source.sampleRateHz());
        } while (!reader.ended());
        if (frames == 0) {
            slots.forEach(slot -> slot.fail(track.file().path() + " holds no audio"));
            return false;
        }
        guard.forEach(slots, AnalyserSlot::finish);
        return true;
    }

    private static List<FormatBranch> branches(PcmFormat source, List<AnalyserSlot> slots) {
        Map<PcmFormat, FormatBranch> branches = new LinkedHashMap<>();
        for (AnalyserSlot slot : slots) {
            PcmFormat wanted = slot.descriptor().format();
            PcmFormat target = wanted.isSourceRate() ? new PcmFormat(source.sampleRateHz(), wanted.channels()) : wanted;
            branches.computeIfAbsent(target, t -> new FormatBranch(new PcmConverter(source, t))).slots().add(slot);
        }
        return List.copyOf(branches.values());
    }

    private void record(Track track, List<AnalyserSlot> slots, String sha256) {
        List<String> succeeded = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (AnalyserSlot slot : slots) {
            String id = slot.descriptor().id();
            if (slot.failure() == null) {
                try {
                    catalog.saveAnalysis(track.id(), slot.result());
                    succeeded.add(id);
                    continue;
                } catch (CatalogException e) {
                    slot.fail("its result could not be stored: " + e.getMessage());
                }
            }
            failed.add(id);
            LOG.warn("Analyser {} failed on {}: {}", id, track.file().path(), slot.failure());
            ledger.recordFailure(track.id(), id, slot.descriptor().version(), slot.failure());
            events.failed(track, id, slot.failure());
        }
        if (sha256 != null) {
            catalog.setSha256(track.id(), sha256);
        }
        events.completed(track, succeeded, failed);
    }

    /**
     * Decodes the next block of a file and converts it for every branch, on the guard thread just before the
     * analysers' calls, so that one thread touches the block from decoding to analysis. At the end of the file it
     * flushes the converters. A decoding error is kept for the worker.
     */
    private static final class BlockReader implements Runnable {

        private final DecodedAudio audio;
        private final List<FormatBranch> branches;
        private final PcmBlock[] blocks;
        private final float[][] samples;
        private int frames;
        private boolean ended;
        private IOException failure;

        BlockReader(DecodedAudio audio, List<FormatBranch> branches, PcmBlock[] blocks) {
            this.audio = audio;
            this.branches = branches;
            this.blocks = blocks;
            this.samples = new float[audio.format().channels()][BLOCK_FRAMES];
        }

        @Override
        public void run() {
            int read;
            try {
                read = audio.read(samples, BLOCK_FRAMES);
            } catch (IOException e) {
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

        /** @return why decoding failed, or null */
        IOException failure() {
            return failure;
        }
    }
}
