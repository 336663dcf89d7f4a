package org.deckhand.analysis.internal;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.deckhand.api.analysis.AnalysisResult;
import org.deckhand.api.analysis.ResultField;
import org.deckhand.api.catalog.AnalyserRun;
import org.deckhand.api.catalog.AnalysisLedger;
import org.deckhand.api.catalog.Catalog;
import org.deckhand.api.catalog.CatalogTrack;
import org.deckhand.api.rest.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/v1/tracks/{id}/analysis} and {@code /api/v1/tracks/{id}/analyse}: a track's analysis results with their
 * units and its analysers' runs, and a request to analyse it again.
 */
@Component(service = RestResource.class)
@Path("tracks")
@Produces(MediaType.APPLICATION_JSON)
public final class AnalysisResource implements RestResource {

    private final Catalog catalog;
    private final AnalysisLedger ledger;
    private final AnalysisPipeline pipeline;

    /**
     * @param catalog the tracks and their results
     * @param ledger the queue and the runs
     * @param pipeline the workers and the analysers
     */
    @Activate
    public AnalysisResource(@Reference Catalog catalog, @Reference AnalysisLedger ledger,
            @Reference AnalysisPipeline pipeline) {
        this.catalog = catalog;
        this.ledger = ledger;
        this.pipeline = pipeline;
    }

    /**
     * @param id a track id
     * @return every analyser's result for the track, each value with its unit and description, and each analyser's
     *     latest run
     * @throws NotFoundException if there is no such track
     */
    @GET
    @Path("{id}/analysis")
    public TrackAnalysisView analysis(@PathParam("id") long id) {
        CatalogTrack track = track(id);
        Map<String, AnalyserRegistry.Entry> analysers = pipeline.analysers().stream()
                .collect(Collectors.toMap(entry -> entry.descriptor().id(), Function.identity()));
        List<ResultView> results = track.track().analyses().stream()
                .sorted(Comparator.comparing(AnalysisResult::analyserId))
                .map(result -> ResultView.of(result, Optional.ofNullable(analysers.get(result.analyserId()))))
                .toList();
        return new TrackAnalysisView(id, results, ledger.runs(id));
    }

    /**
     * Queues a track to be analysed again by every analyser, ahead of the files waiting.
     *
     * @param id a track id
     * @return 202
     * @throws NotFoundException if there is no such track
     */
    @POST
    @Path("{id}/analyse")
    public Response analyse(@PathParam("id") long id) {
        track(id);
        pipeline.requestByUser(id);
        return Response.accepted(Map.of("message", "track " + id + " queued for analysis")).build();
    }

    private CatalogTrack track(long id) {
        return catalog.get(id).orElseThrow(() -> new NotFoundException("There is no track " + id));
    }

    /**
     * @param trackId the track
     * @param results each analyser's result
     * @param runs each analyser's latest run, successful or failed
     */
    public record TrackAnalysisView(long trackId, List<ResultView> results, List<AnalyserRun> runs) {
    }

    /**
     * @param analyserId the analyser
     * @param version the version that produced the result
     * @param values each value, with its unit and description when the analyser is registered
     */
    public record ResultView(String analyserId, String version, List<ValueView> values) {

        static ResultView of(AnalysisResult result, Optional<AnalyserRegistry.Entry> analyser) {
            Map<String, ResultField> fields = analyser.map(entry -> entry.descriptor().fields().stream()
                    .collect(Collectors.toMap(ResultField::name, Function.identity()))).orElse(Map.of());
            List<ValueView> values = result.values().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .map(value -> {
                        ResultField field = fields.get(value.getKey());
                        return new ValueView(value.getKey(), value.getValue(),
                                field == null ? null : field.type().name(), field == null ? null : field.unit(),
                                field == null ? null : field.description());
                    })
                    .toList();
            return new ResultView(result.analyserId(), result.analyserVersion(), values);
        }
    }

    /**
     * @param name the field's name
     * @param value its value: a number, text, boolean, array of numbers, or base64 bytes
     * @param type its declared type, or null when its analyser is not registered now
     * @param unit its unit, or null
     * @param description what it means, or null
     */
    public record ValueView(String name, Object value, String type, String unit, String description) {
    }
}
