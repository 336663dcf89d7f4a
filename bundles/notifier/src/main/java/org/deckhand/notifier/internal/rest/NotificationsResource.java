package org.deckhand.notifier.internal.rest;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ServerErrorException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.deckhand.api.notify.Delivery;
import org.deckhand.api.rest.RestResource;
import org.deckhand.notifier.internal.ChannelRequest;
import org.deckhand.notifier.internal.ChannelRequestException;
import org.deckhand.notifier.internal.ChannelView;
import org.deckhand.notifier.internal.NotificationCenter;
import org.deckhand.notifier.internal.NotifierComponent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/v1/notifications}: the channel types, the channels (create, read, change, delete; secrets shown as
 * set or not set, never returned), a test message to a channel, and the history of deliveries. Errors are
 * problem+json naming the request: a malformed body, an unknown type or setting, a setting that does not make a
 * channel 400; an unknown channel 404; a test that did not arrive 502, or 429 under the channel's rate limit, or
 * 504 when the channel did not finish within 30 s.
 */
@Component(service = RestResource.class)
@Path("notifications")
@Produces(MediaType.APPLICATION_JSON)
public final class NotificationsResource implements RestResource {

    private final NotificationCenter center;

    /** @param notifier the notifier */
    @Activate
    public NotificationsResource(@Reference NotifierComponent notifier) {
        this.center = notifier.center();
    }

    /** @return the channel types installed (the bundle's and plugins'), with the settings each takes */
    @GET
    @Path("types")
    public List<ChannelView.TypeView> types() {
        return center.types();
    }

    /** @return every channel, with its state, circuit and waiting messages */
    @GET
    @Path("channels")
    public List<ChannelView> channels() {
        return center.channels();
    }

    /**
     * @param id a channel's id
     * @return the channel
     */
    @GET
    @Path("channels/{id}")
    public ChannelView channel(@PathParam("id") long id) {
        return center.channel(id).orElseThrow(() -> notFound(id));
    }

    /**
     * Adds a channel: {@code {"type": "ntfy", "name": "Phone", "minimumLevel": "WARNING", "kinds": ["LIBRARY",
     * "HEALTH"], "ratePerMinute": 20, "settings": {"url": "https://ntfy.sh/..."}}}; only the type and the type's
     * required settings are needed.
     *
     * @param request the channel
     * @return 201 with the channel and its address in {@code Location}
     */
    @POST
    @Path("channels")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(ChannelRequest request) {
        ChannelView created;
        try {
            created = center.create(required(request));
        } catch (ChannelRequestException e) {
            throw new BadRequestException(e.getMessage());
        }
        return Response.created(URI.create(RestResource.BASE_PATH + "/notifications/channels/" + created.id()))
                .entity(created).build();
    }

    /**
     * Changes a channel: absent parts keep their values; in {@code settings}, an absent key keeps its value (a
     * secret need not be sent again) and {@code ""} removes it. A change clears a stop after a permanent error.
     *
     * @param id a channel's id
     * @param request what changes
     * @return the channel as changed
     */
    @PUT
    @Path("channels/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ChannelView update(@PathParam("id") long id, ChannelRequest request) {
        try {
            return center.update(id, required(request)).orElseThrow(() -> notFound(id));
        } catch (ChannelRequestException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    /**
     * @param id a channel's id
     * @return 204 once it and its waiting messages are gone
     */
    @DELETE
    @Path("channels/{id}")
    public Response delete(@PathParam("id") long id) {
        if (!center.delete(id)) {
            throw notFound(id);
        }
        return Response.noContent().build();
    }

    /**
     * Sends a test message to the channel at once, ahead of its queue, and answers with the receiver's answer. A
     * delivered test resumes a channel that a permanent error stopped.
     *
     * @param id a channel's id
     * @return 200 with the outcome when the test arrived
     */
    @POST
    @Path("channels/{id}/test")
    public TestView test(@PathParam("id") long id) {
        Delivery outcome;
        try {
            outcome = center.test(id).orElseThrow(() -> notFound(id));
        } catch (TimeoutException e) {
            throw new ServerErrorException("The test of channel " + id + " did not finish within 30 s; its "
                    + "outcome will show in the history", Response.Status.GATEWAY_TIMEOUT);
        }
        if (outcome instanceof Delivery.Delivered delivered) {
            return new TestView("delivered", delivered.statusCode(), delivered.receiverId());
        }
        if (outcome instanceof Delivery.RetryAfter wait && wait.statusCode() == 0) {
            throw new ClientErrorException("The test of channel " + id + " waits: " + wait.reason()
                    + "; try again in " + (long) Math.ceil(wait.seconds()) + " s", Response.status(429)
                    .header("Retry-After", (long) Math.ceil(wait.seconds())).build());
        }
        ChannelView.Outcome shown = NotificationCenter.outcomeOf(outcome);
        throw new ServerErrorException("The test message did not reach channel " + id + ": " + shown.detail(),
                Response.Status.BAD_GATEWAY);
    }

    /**
     * @param channel only this channel's deliveries; all when absent
     * @param limit the most entries, 1 to 1000, 100 by default
     * @return the newest deliveries first
     */
    @GET
    @Path("history")
    public List<HistoryView> history(@QueryParam("channel") Long channel,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new BadRequestException("The query parameter limit must be 1 to 1000, not " + limit);
        }
        return center.history(channel == null ? OptionalLong.empty() : OptionalLong.of(channel), limit).stream()
                .map(HistoryView::of).collect(Collectors.toList());
    }

    /**
     * A test's outcome.
     *
     * @param result {@code delivered}
     * @param statusCode the receiver's response code
     * @param receiverId the id the receiver gave the message, empty when it gives none
     */
    public record TestView(String result, int statusCode, String receiverId) {
    }

    private static ChannelRequest required(ChannelRequest request) {
        if (request == null) {
            throw new BadRequestException("The request needs a JSON body describing the channel");
        }
        return request;
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("No notification channel " + id);
    }
}
