package org.deckhand.analysis.internal;

import java.util.List;
import java.util.Map;
import org.deckhand.api.event.EventProperties;
import org.deckhand.api.event.Topics;
import org.deckhand.api.library.Track;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** Posts the pipeline's EventAdmin events, asynchronously. */
final class AnalysisEvents {

    private final EventAdmin eventAdmin;

    AnalysisEvents(EventAdmin eventAdmin) {
        this.eventAdmin = eventAdmin;
    }

    void completed(Track track, List<String> succeeded, List<String> failed) {
        eventAdmin.postEvent(new Event(Topics.ANALYSIS_TRACK_COMPLETED, Map.of(
                EventProperties.TRACK_ID, track.id(),
                EventProperties.PATH, track.file().path().toString(),
                EventProperties.ANALYSERS, succeeded.toArray(String[]::new),
                EventProperties.FAILED, failed.toArray(String[]::new))));
    }

    void failed(Track track, String analyserId, String reason) {
        eventAdmin.postEvent(new Event(Topics.ANALYSIS_TRACK_FAILED, Map.of(
                EventProperties.TRACK_ID, track.id(),
                EventProperties.PATH, track.file().path().toString(),
                EventProperties.ANALYSER_ID, analyserId,
                EventProperties.MESSAGE, reason)));
    }

    void progress(int queued, long done, int running) {
        eventAdmin.postEvent(new Event(Topics.ANALYSIS_QUEUE_PROGRESS, Map.of(
                EventProperties.QUEUED, queued,
                EventProperties.DONE, done,
                EventProperties.RUNNING, running)));
    }
}
