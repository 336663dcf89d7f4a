package org.deckhand.renamer.internal;

import java.util.Map;
import org.deckhand.api.event.EventProperties;
import org.deckhand.api.event.Topics;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** Posts a batch's progress under {@code org/deckhand/renamer/...}; progress at most once a second. */
final class EventAdminBatchEvents implements BatchEvents {

    private static final long PROGRESS_EVERY_NANOS = 1_000_000_000L;

    private final EventAdmin eventAdmin;
    private long lastProgress;

    EventAdminBatchEvents(EventAdmin eventAdmin) {
        this.eventAdmin = eventAdmin;
    }

    @Override
    public void started(Batch batch, boolean undo) {
        lastProgress = System.nanoTime();
        post(Topics.RENAMER_STARTED, Map.of(EventProperties.BATCH_ID, batch.id(), EventProperties.UNDO, undo,
                EventProperties.TOTAL, (long) batch.moves().size()));
    }

    @Override
    public void progress(Batch batch, long done, long total) {
        long now = System.nanoTime();
        if (now - lastProgress >= PROGRESS_EVERY_NANOS || done == total) {
            lastProgress = now;
            post(Topics.RENAMER_PROGRESS, Map.of(EventProperties.BATCH_ID, batch.id(), EventProperties.UNDO,
                    batch.undoRequested(), EventProperties.DONE, done, EventProperties.TOTAL, total));
        }
    }

    @Override
    public void completed(Batch batch) {
        post(Topics.RENAMER_COMPLETED, Map.of(EventProperties.BATCH_ID, batch.id(), EventProperties.DONE,
                batch.count(Move.State.DONE), EventProperties.FAILED_COUNT, batch.count(Move.State.FAILED)));
    }

    @Override
    public void undone(Batch batch, long skipped) {
        post(Topics.RENAMER_UNDONE, Map.of(EventProperties.BATCH_ID, batch.id(), EventProperties.DONE,
                batch.count(Move.State.UNDONE), EventProperties.FAILED_COUNT, skipped));
    }

    @Override
    public void failed(Batch batch, String message) {
        post(Topics.RENAMER_FAILED, Map.of(EventProperties.BATCH_ID, batch.id(), EventProperties.MESSAGE, message));
    }

    private void post(String topic, Map<String, Object> properties) {
        eventAdmin.postEvent(new Event(topic, properties));
    }
}
