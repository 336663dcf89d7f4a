package org.deckhand.analysis.internal;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.deckhand.api.analysis.ResultField;
import org.deckhand.api.catalog.AnalyserRun;
import org.deckhand.api.catalog.AnalysisLedger;
import org.deckhand.api.catalog.AnalysisPriority;
import org.deckhand.api.rest.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /api/v1/analysis/queue}: what is analysed now, what waits, the analysers, and what failed and why. */
@Component(service = RestResource.class)
@Path("analysis")
@Produces(MediaType.APPLICATION_JSON)
public final class AnalysisQueueResource implements RestResource {

    private static final int LISTED = 100;

    private final AnalysisLedger ledger;
    private final AnalysisPipeline pipeline;

    /**
     * @param ledger the queue and the runs
     * @param pipeline the workers and the analysers
     */
    @Activate
    public AnalysisQueueResource(@Reference AnalysisLedger ledger, @Reference AnalysisPipeline pipeline) {
        this.ledger = ledger;
        this.pipeline = pipeline;
    }

    /**
     * @return the queue: how many tracks wait, the next ones (the tracks being analysed left out), the tracks being
     *     analysed with their progress, the analysers registered, and the latest failures
     */
    @GET
    @Path("queue")
    public QueueView queue() {
        List<Running> running = pipeline.running().stream()
                .map(track -> new Running(track.trackId(), track.path().toString(), track.started(),
                        track.progress().decodedSeconds(),
                        Double.isNaN(track.durationSeconds()) ? null : track.durationSeconds()))
                .toList();
        Set<Long> runningIds = running.stream().map(Running::trackId).collect(Collectors.toSet());
        List<Waiting> waiting = ledger.head(LISTED + runningIds.size()).stream()
                .filter(queued -> !runningIds.contains(queued.trackId()))
                .limit(LISTED)
                .map(queued -> new Waiting(queued.trackId(), queued.path().toString(), queued.priority()))
                .toList();
        List<AnalyserView> analysers = pipeline.analysers().stream()
                .map(entry -> new AnalyserView(entry.descriptor().id(), entry.descriptor().version(),
                        entry.descriptor().format().isSourceRate() ? null : entry.descriptor().format().sampleRateHz(),
                        entry.descriptor().format().channels(), entry.descriptor().fields(), entry.quarantined()))
                .toList();
        List<Failure> failures = ledger.failures(LISTED).stream()
                .map(failure -> new Failure(failure.trackId(), failure.path().toString(), failure.run()))
                .toList();
        int queued = ledger.size();
        return new QueueView(queued, Math.max(0, queued - running.size()), pipeline.workerCount(), pipeline.done(),
                running, waiting, analysers, failures);
    }

    /**
     * @param queued tracks waiting, those being analysed included
     * @param waiting tracks waiting, those being analysed left out
     * @param workers worker threads
     * @param analysedSinceStart tracks analysed since the server started
     * @param running the tracks being analysed now
     * @param next the next tracks to be analysed (at most 100), not those being analysed now
     * @param analysers the analysers registered
     * @param failures the latest failed runs (at most 100), newest first
     */
    public record QueueView(int queued, int waiting, int workers, long analysedSinceStart, List<Running> running,
            List<Waiting> next, List<AnalyserView> analysers, List<Failure> failures) {
    }

    /**
     * @param trackId the track
     * @param path its file
     * @param started when its analysis started
     * @param decodedSeconds how much of it has been decoded, in seconds
     * @param durationSeconds its playing time in seconds, or null when unknown
     */
    public record Running(long trackId, String path, Instant started, double decodedSeconds, Double durationSeconds) {
    }

    /**
     * @param trackId the track
     * @param path its file
     * @param priority how soon it is analysed
     */
    public record Waiting(long trackId, String path, AnalysisPriority priority) {
    }

    /**
     * @param trackId the track
     * @param path its file
     * @param run the failed run: the analyser, its version, why it failed and when
     */
    public record Failure(long trackId, String path, AnalyserRun run) {
    }

    /**
     * @param id the analyser's id
     * @param version its version
     * @param sampleRateHz the sample rate it asks for, or null for the file's own
     * @param channels the channels it asks for
     * @param fields the values it returns
     * @param quarantined whether it hung on too many tracks in a row and is no longer called until its plugin is
     *     reloaded
     */
    public record AnalyserView(String id, String version, Integer sampleRateHz, int channels,
            List<ResultField> fields, boolean quarantined) {
    }
}
