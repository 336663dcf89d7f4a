package org.deckhand.mixer.internal.service;

import java.nio.file.Path;
import java.util.Map;
import org.deckhand.api.event.EventProperties;
import org.deckhand.api.event.Topics;
import org.deckhand.mixer.internal.render.TrackStart;
import org.deckhand.mixer.internal.stream.RenderState;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts the mixer's EventAdmin events ({@code org/deckhand/mixer/...}, see {@link Topics}), asynchronously. No event
 * carries a mix's stream token: the events reach every client of the server's event stream. An event that cannot be
 * posted (EventAdmin going away) is logged and the mix carries on.
 */
final class MixEvents {

    private static final Logger LOG = LoggerFactory.getLogger(MixEvents.class);

    private final EventAdmin eventAdmin;

    /** @param eventAdmin where the events go */
    MixEvents(EventAdmin eventAdmin) {
        this.eventAdmin = eventAdmin;
    }

    /**
     * @param mixId the mix
     * @param planned how many tracks its plan holds
     */
    void started(String mixId, int planned) {
        post(Topics.MIXER_MIX_STARTED, Map.of(EventProperties.MIX_ID, mixId, EventProperties.TOTAL, (long) planned));
    }

    /**
     * @param mixId the mix
     * @param start the track listeners now hear come in
     * @param sampleRateHz the mix's sample rate, Hz
     */
    void trackChanged(String mixId, TrackStart start, int sampleRateHz) {
        post(Topics.MIXER_MIX_TRACK_CHANGED, Map.of(
                EventProperties.MIX_ID, mixId,
                EventProperties.TRACK_ID, start.track().id(),
                EventProperties.TRACK_NAME, start.track().displayName(),
                EventProperties.POSITION_SECONDS, start.fadeInStartFrame() / (double) sampleRateHz));
    }

    /**
     * @param mixId the mix
     * @param planned how many tracks its plan holds now
     */
    void planChanged(String mixId, int planned) {
        post(Topics.MIXER_MIX_PLAN_CHANGED, Map.of(EventProperties.MIX_ID, mixId,
                EventProperties.TOTAL, (long) planned));
    }

    /**
     * @param mixId the mix
     * @param state {@link RenderState#STOPPED} when it was stopped, {@link RenderState#ENDED} when it played out
     */
    void stopped(String mixId, RenderState state) {
        post(Topics.MIXER_MIX_STOPPED, Map.of(EventProperties.MIX_ID, mixId, EventProperties.STATE, state.name()));
    }

    /**
     * @param mixId the mix
     * @param progress how far the render is, 0 to 1
     */
    void renderProgress(String mixId, double progress) {
        post(Topics.MIXER_RENDER_PROGRESS, Map.of(EventProperties.MIX_ID, mixId,
                EventProperties.PROGRESS, progress));
    }

    /**
     * @param mixId the mix
     * @param file the rendered audio file
     * @param seconds how long the render took, seconds
     */
    void renderCompleted(String mixId, Path file, double seconds) {
        post(Topics.MIXER_RENDER_COMPLETED, Map.of(EventProperties.MIX_ID, mixId,
                EventProperties.PATH, file.toString(), EventProperties.DURATION_SECONDS, seconds));
    }

    /**
     * @param mixId the mix
     * @param file the audio file the render was writing
     * @param message why it failed, naming the mix and the file
     */
    void renderFailed(String mixId, Path file, String message) {
        post(Topics.MIXER_RENDER_FAILED, Map.of(EventProperties.MIX_ID, mixId,
                EventProperties.PATH, file.toString(), EventProperties.MESSAGE, message));
    }

    private void post(String topic, Map<String, Object> properties) {
        try {
            eventAdmin.postEvent(new Event(topic, properties));
        } catch (RuntimeException e) {
            LOG.warn("The mixer's event {} could not be posted: {}", topic, e.toString());
        }
    }
}
