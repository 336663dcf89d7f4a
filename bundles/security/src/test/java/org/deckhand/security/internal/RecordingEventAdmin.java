package org.deckhand.security.internal;

import java.util.ArrayList;
import java.util.List;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** An EventAdmin that keeps every event posted or sent to it, in order, for the tests to read. Thread-safe. */
final class RecordingEventAdmin implements EventAdmin {

    private final List<Event> events = new ArrayList<>();

    @Override
    public synchronized void postEvent(Event event) {
        events.add(event);
    }

    @Override
    public synchronized void sendEvent(Event event) {
        events.add(event);
    }

    /**
     * @param topic a topic
     * @return the events of that topic so far, in order
     */
    synchronized List<Event> of(String topic) {
        return events.stream().filter(event -> event.getTopic().equals(topic)).toList();
    }

    /** @return every event so far, in order */
    synchronized List<Event> all() {
        return List.copyOf(events);
    }
}
