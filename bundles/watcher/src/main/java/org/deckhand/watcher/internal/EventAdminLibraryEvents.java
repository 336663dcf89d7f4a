package org.deckhand.watcher.internal;

import java.nio.file.Path;
import java.util.Map;
import org.deckhand.api.event.EventProperties;
import org.deckhand.api.event.Topics;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** Posts the watcher's events to EventAdmin, asynchronously, under the topics of {@link Topics}. */
final class EventAdminLibraryEvents implements LibraryEvents {

    private final EventAdmin eventAdmin;

    EventAdminLibraryEvents(EventAdmin eventAdmin) {
        this.eventAdmin = eventAdmin;
    }

    @Override
    public void added(long trackId, Path path) {
        post(Topics.LIBRARY_FILE_ADDED, Map.of(EventProperties.TRACK_ID, trackId, EventProperties.PATH,
                path.toString()));
    }

    @Override
    public void changed(long trackId, Path path) {
        post(Topics.LIBRARY_FILE_CHANGED, Map.of(EventProperties.TRACK_ID, trackId, EventProperties.PATH,
                path.toString()));
    }

    @Override
    public void moved(long trackId, Path from, Path to) {
        post(Topics.LIBRARY_FILE_MOVED, Map.of(EventProperties.TRACK_ID, trackId, EventProperties.PATH,
                to.toString(), EventProperties.PREVIOUS_PATH, from.toString()));
    }

    @Override
    public void removed(long trackId, Path path) {
        post(Topics.LIBRARY_FILE_REMOVED, Map.of(EventProperties.TRACK_ID, trackId, EventProperties.PATH,
                path.toString()));
    }

    @Override
    public void scanStarted(String scanId) {
        post(Topics.LIBRARY_SCAN_STARTED, Map.of(EventProperties.SCAN_ID, scanId));
    }

    @Override
    public void scanProgress(String scanId, long done, long total) {
        post(Topics.LIBRARY_SCAN_PROGRESS, Map.of(EventProperties.SCAN_ID, scanId, EventProperties.DONE, done,
                EventProperties.TOTAL, total));
    }

    @Override
    public void scanCompleted(String scanId, long files, double seconds) {
        post(Topics.LIBRARY_SCAN_COMPLETED, Map.of(EventProperties.SCAN_ID, scanId, EventProperties.DONE, files,
                EventProperties.DURATION_SECONDS, seconds));
    }

    @Override
    public void folderMissing(Path folder, String reason) {
        post(Topics.HEALTH_FOLDER_MISSING, Map.of(EventProperties.PATH, folder.toString(), EventProperties.MESSAGE,
                reason));
    }

    @Override
    public void folderBack(Path folder) {
        post(Topics.HEALTH_FOLDER_BACK, Map.of(EventProperties.PATH, folder.toString()));
    }

    private void post(String topic, Map<String, Object> properties) {
        eventAdmin.postEvent(new Event(topic, properties));
    }
}
