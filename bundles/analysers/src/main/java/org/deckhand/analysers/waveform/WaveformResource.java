package org.deckhand.analysers.waveform;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.deckhand.api.analysis.AnalysisResult;
import org.deckhand.api.catalog.Catalog;
import org.deckhand.api.catalog.CatalogTrack;
import org.deckhand.api.rest.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/v1/tracks/{id}/waveform}: a track's waveform overview, as JSON ({@link WaveformView}) or, for
 * {@code Accept: application/octet-stream}, in the compact binary form that {@link WaveformOverview} describes.
 */
@Component(service = RestResource.class)
@Path("tracks")
public final class WaveformResource implements RestResource {

    private final Catalog catalog;

    /** @param catalog the tracks and their analysis results */
    @Activate
    public WaveformResource(@Reference Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * @param id a track id
     * @return the waveform overview, each sample in [-1, 1] and each band level in [0, 1]
     * @throws NotFoundException if there is no such track, or the waveform analyser has not run on it yet
     */
    @GET
    @Path("{id}/waveform")
    @Produces(MediaType.APPLICATION_JSON)
    public WaveformView json(@PathParam("id") long id) {
        Map<String, Object> waveform = waveform(id);
        return WaveformView.of(id, ((Number) waveform.get(WaveformAnalyser.DURATION)).doubleValue(),
                WaveformOverview.decode(peaks(id, waveform)));
    }

    /**
     * @param id a track id
     * @return the waveform overview in its binary form, version {@value WaveformOverview#FORMAT_VERSION}
     * @throws NotFoundException if there is no such track, or the waveform analyser has not run on it yet
     */
    @GET
    @Path("{id}/waveform")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public byte[] binary(@PathParam("id") long id) {
        return peaks(id, waveform(id));
    }

    private Map<String, Object> waveform(long id) {
        CatalogTrack track = catalog.get(id).orElseThrow(() -> new NotFoundException("There is no track " + id));
        return track.track().analyses().stream()
                .filter(result -> result.analyserId().equals(WaveformAnalyser.ID))
                .map(AnalysisResult::values)
                .findFirst()
                .orElseThrow(() -> new NotFoundException(
                        "Track " + id + " has no waveform yet: the analysis queue has not reached it"));
    }

    private static byte[] peaks(long id, Map<String, Object> waveform) {
        if (waveform.get(WaveformAnalyser.PEAKS) instanceof byte[] peaks) {
            return peaks;
        }
        throw new IllegalStateException("the waveform of track " + id + " holds no peaks");
    }
}
