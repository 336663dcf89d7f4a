package org.deckhand.analysis.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deckhand.api.analysis.AnalysisResult;
import org.deckhand.api.analysis.PcmFormat;
import org.deckhand.api.audio.AudioDecoder;
import org.deckhand.api.audio.DecodedAudio;
import org.deckhand.api.catalog.AnalysisLedger;
import org.deckhand.api.catalog.AnalysisOutcome;
import org.deckhand.api.catalog.CatalogException;
import org.deckhand.api.library.Track;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Analyses one track: decodes its file once, as the codec produced it, converts the audio to each format the
 * analysers asked for, clips to [-1, 1] the blocks that go beyond it for the analysers that did not ask for unclipped
 * audio, and fans every block out to them. The same read of the file gives its SHA-256. Every result and failure and
 * the digest are stored in one transaction ({@link AnalysisLedger#record}), and the track's events are posted once it
 * has committed, so that a listener finds in the catalog all that they announce. Whatever the decoder throws, an
 * {@link Error} too, fails the track's analysers with the reason. The whole {@link TrackRun} runs on the
 * {@link CallGuard}'s thread, so that one thread touches the audio from decoding to analysis, while the worker only
 * watches that no step of it hangs. One instance per worker thread.
 */
final class TrackAnalysis {

    /** Frames decoded at a time: about 0.74 s at 44.1 kHz, 256 KB of stereo samples, so that a block and its
     * conversions stay in a core's caches while every analyser reads it. */
    static final int BLOCK_FRAMES = 32_768;

    private static final Logger LOG = LoggerFactory.getLogger(TrackAnalysis.class);

    private final AnalysisLedger ledger;
    private final AudioDecoder decoder;
    private final AnalysisEvents events;
    private final CallGuard guard;
    private final ResamplingFilters filters;

    TrackAnalysis(AnalysisLedger ledger, AudioDecoder decoder, AnalysisEvents events, CallGuard guard,
            ResamplingFilters filters) {
        this.ledger = ledger;
        this.decoder = decoder;
        this.events = events;
        this.guard = guard;
        this.filters = filters;
    }

    /**
     * Runs the analysers' slots over a track and records what each found.
     *
     * @param track the track
     * @param slots one fresh slot for each analyser due
     * @param progress where to report how far decoding has come
     * @throws InterruptedException if the worker is interrupted; nothing is recorded then
     * @throws CatalogException if the catalog fails; nothing is recorded then
     */
    void run(Track track, List<AnalyserSlot> slots, RunningTrack.Progress progress) throws InterruptedException {
        String sha256 = null;
        try (DecodedAudio audio = decoder.openUnclipped(track.file().path(), track.file().format())) {
            if (decode(track, audio, slots, progress)) {
                sha256 = audio.sha256();
            }
        } catch (IOException e) {
            slots.forEach(slot -> slot.fail(e.getMessage()));
        } catch (RuntimeException | Error e) {
            LOG.warn("The decoder failed on {}", track.file().path(), e);
            slots.forEach(slot -> slot.fail(TrackRun.decoderFailure(track, e)));
        }
        record(track, slots, sha256);
    }

    /** @return whether the whole file was decoded */
    private boolean decode(Track track, DecodedAudio audio, List<AnalyserSlot> slots, RunningTrack.Progress progress)
            throws InterruptedException {
        TrackRun run = new TrackRun(track, audio, branches(audio.format(), slots), progress);
        if (!guard.run(run)) {
            String reason = String.format("decoding stopped at %.1f s: the decoder did not return within the "
                    + "analysers' call timeout", run.decodedSeconds());
            slots.forEach(slot -> slot.fail(reason));
            return false;
        }
        return run.wholeFile();
    }

    private List<FormatBranch> branches(PcmFormat source, List<AnalyserSlot> slots) {
        Map<PcmFormat, FormatBranch> branches = new LinkedHashMap<>();
        for (AnalyserSlot slot : slots) {
            PcmFormat wanted = slot.descriptor().format();
            PcmFormat target = wanted.isSourceRate() ? new PcmFormat(source.sampleRateHz(), wanted.channels()) : wanted;
            branches.computeIfAbsent(target, t -> new FormatBranch(new PcmConverter(source, t, filters))).slots()
                    .add(slot);
        }
        return List.copyOf(branches.values());
    }

    private void record(Track track, List<AnalyserSlot> slots, String sha256) {
        List<AnalysisResult> results = new ArrayList<>();
        List<AnalysisOutcome.Failure> failures = new ArrayList<>();
        for (AnalyserSlot slot : slots) {
            String id = slot.descriptor().id();
            if (slot.failedWithdrawn()) {
                LOG.info("Analyser {} went away while analysing {} ({}); it runs over the track again if it comes "
                        + "back", id, track.file().path(), slot.failure());
            } else if (slot.failure() == null) {
                results.add(slot.result());
            } else {
                failures.add(new AnalysisOutcome.Failure(id, slot.descriptor().version(), slot.failure()));
            }
        }
        List<AnalysisOutcome.Failure> failed = ledger.record(track.id(),
                new AnalysisOutcome(results, failures, sha256));
        List<String> failedIds = new ArrayList<>();
        for (AnalysisOutcome.Failure failure : failed) {
            LOG.warn("Analyser {} failed on {}: {}", failure.analyserId(), track.file().path(), failure.reason());
            failedIds.add(failure.analyserId());
            events.failed(track, failure.analyserId(), failure.reason());
        }
        List<String> succeeded = results.stream().map(AnalysisResult::analyserId)
                .filter(id -> !failedIds.contains(id)).toList();
        events.completed(track, succeeded, failedIds);
    }
}
