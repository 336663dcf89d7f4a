package org.deckhand.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * An EventAdmin that keeps every event posted or sent to it, in order, for tests to read and wait for: the tests of
 * every bundle that posts events use this one. Thread-safe.
 */
public final class RecordingEventAdmin implements EventAdmin {

    private final List<Event> events = new ArrayList<>();

    @Override
    public synchronized void postEvent(Event event) {
        events.add(event);
        notifyAll();
    }

    @Override
    public synchronized void sendEvent(Event event) {
        postEvent(event);
    }

    /** @return every event so far, in order */
    public synchronized List<Event> all() {
        return List.copyOf(events);
    }

    /**
     * @param topic a topic
     * @return the events of that topic so far, in order
     */
    public List<Event> of(String topic) {
        return all().stream().filter(event -> event.getTopic().equals(topic)).toList();
    }

    /**
     * Waits for an event that matches.
     *
     * @param topic its topic
     * @param matches what else it must be
     * @param timeout how long to wait at most
     * @return the first such event
     * @throws AssertionError if none came in time
     * @throws InterruptedException if the wait was interrupted
     */
    public synchronized Event await(String topic, Predicate<Event> matches, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (Event event : events) {
                if (event.getTopic().equals(topic) && matches.test(event)) {
                    return event;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no event " + topic + " that matches within " + timeout + "; had "
                        + events.stream().map(Event::getTopic).toList());
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }
}
