package org.deckhand.events.internal;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.deckhand.api.event.Topics;
import org.deckhand.api.rest.RestResource;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * {@code /api/v1/events}: a Server-Sent Events stream (WHATWG HTML, section 9.2) of every EventAdmin event under
 * {@value Topics#ALL}. Each event's name is its topic, its id a sequence number, its data the JSON of
 * {@link EventJson}. A comment opens the stream once the client is registered, so that every event posted after the
 * client has read it reaches the client; events are sent, in order, on a thread of this resource's own, so that a
 * slow client never holds up EventAdmin, which would otherwise stop delivering to a handler that takes too long.
 * Another comment every {@value #HEARTBEAT_SECONDS} seconds keeps idle
 * connections open through proxies and lets the server notice clients that went away.
 */
@Component(service = {RestResource.class, EventHandler.class},
        property = EventConstants.EVENT_TOPIC + "=" + Topics.ALL)
@Path("events")
public final class EventStreamResource implements RestResource, EventHandler {

    static final long HEARTBEAT_SECONDS = 20;

    private final AtomicLong sequence = new AtomicLong();
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "deckhand-sse-sender");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Sse sse;
    private volatile SseBroadcaster broadcaster;

    /**
     * Opens a stream of events for one client; it lasts until the client disconnects or the server stops.
     *
     * @param sink the client's stream
     * @param sse Jersey's factory of events
     */
    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void subscribe(@Context SseEventSink sink, @Context Sse sse) {
        broadcaster(sse).register(sink);
        sink.send(sse.newEventBuilder().comment("Deckhand events").build());
    }

    @Override
    public void handleEvent(Event event) {
        SseBroadcaster clients = broadcaster;
        if (clients == null) {
            return;
        }
        OutboundSseEvent outbound = sse.newEventBuilder()
                .name(event.getTopic())
                .id(Long.toString(sequence.incrementAndGet()))
                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(Map.class, EventJson.of(event))
                .build();
        sender.execute(() -> clients.broadcast(outbound));
    }

    /** Closes every client's stream. */
    @Deactivate
    public synchronized void deactivate() {
        sender.shutdownNow();
        if (broadcaster != null) {
            broadcaster.close();
        }
    }

    private synchronized SseBroadcaster broadcaster(Sse factory) {
        if (broadcaster == null) {
            sse = factory;
            broadcaster = factory.newBroadcaster();
            sender.scheduleWithFixedDelay(
                    () -> broadcaster.broadcast(sse.newEventBuilder().comment("heartbeat").build()),
                    HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
        }
        return broadcaster;
    }
}
