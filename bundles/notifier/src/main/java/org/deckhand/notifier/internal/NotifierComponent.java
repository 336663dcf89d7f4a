package org.deckhand.notifier.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deckhand.api.database.EmbeddedDatabases;
import org.deckhand.api.event.Topics;
import org.deckhand.api.notify.ChannelType;
import org.deckhand.api.notify.Message;
import org.deckhand.api.notify.Notifier;
import org.deckhand.api.runtime.RuntimeProperties;
import org.deckhand.notifier.internal.delivery.DeliveryPolicy;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The notifier in the server: subscribes to every Deckhand EventAdmin topic, keeps its outbox in
 * {@code DATA/notifier}, and follows the {@link ChannelType} services as they come and go (a plugin's type
 * included). A change of its configuration restarts it; the outbox keeps what was waiting.
 */
@Component(service = {Notifier.class, EventHandler.class, NotifierComponent.class}, immediate = true,
        configurationPid = NotifierConfiguration.PID, property = EventConstants.EVENT_TOPIC + "=" + Topics.ALL)
@Designate(ocd = NotifierConfiguration.class)
public final class NotifierComponent implements Notifier, EventHandler {

    private final NotificationCenter center;

    /**
     * @param context this bundle's context, for the data folder and the server's address
     * @param configuration the settings
     * @param engine the server's Derby engine, for the notifier's database
     * @throws IOException if the notifier's database cannot be opened
     */
    @Activate
    public NotifierComponent(BundleContext context, NotifierConfiguration configuration,
            @Reference EmbeddedDatabases engine) throws IOException {
        NotifierSettings settings = new NotifierSettings(
                Duration.ofSeconds(Math.max(1, Math.min(3600, configuration.digestWindowSeconds()))),
                console(context, configuration),
                new DeliveryPolicy(Math.max(1, configuration.circuitFailures()),
                        Duration.ofSeconds(Math.max(1, configuration.circuitOpenSeconds())),
                        Duration.ofSeconds(Math.max(1, configuration.retryInitialSeconds())),
                        Duration.ofSeconds(Math.max(configuration.retryInitialSeconds(),
                                configuration.retryMaxSeconds()))),
                Duration.ofDays(Math.max(1, configuration.historyDays())),
                Math.max(10, Math.min(100_000, configuration.maxPendingPerChannel())));
        this.center = new NotificationCenter(Path.of(context.getProperty(RuntimeProperties.DATA), "notifier"),
                engine, settings, List.of(), Clock.systemUTC());
    }

    /**
     * Channel types are bound after the constructor, as they come: each (re)opens the channels of its type.
     *
     * @param type a channel type, one of the bundle's own or a plugin's
     */
    @Reference(service = ChannelType.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "removeType")
    void addType(ChannelType type) {
        center.addType(type);
    }

    /** @param type a channel type that went away: its channels wait, unavailable */
    void removeType(ChannelType type) {
        center.removeType(type);
    }

    /** @return the notifier's core, for the REST resource */
    public NotificationCenter center() {
        return center;
    }

    @Override
    public int publish(Message message) {
        return center.publish(message);
    }

    @Override
    public void handleEvent(Event event) {
        Map<String, Object> properties = new HashMap<>();
        for (String name : event.getPropertyNames()) {
            properties.put(name, event.getProperty(name));
        }
        center.onEvent(event.getTopic(), properties);
    }

    /**
     * Sends the open digests to the outbox and stops the workers.
     *
     * @throws IOException if the database does not shut down cleanly
     */
    @Deactivate
    public void deactivate() throws IOException {
        center.close();
    }

    private static URI console(BundleContext context, NotifierConfiguration configuration) {
        String configured = configuration.consoleUrl().strip();
        if (!configured.isEmpty()) {
            return URI.create(configured);
        }
        String host = context.getProperty(RuntimeProperties.HOST);
        String port = context.getProperty(RuntimeProperties.PORT);
        String shown = host == null || host.isEmpty() || host.equals("0.0.0.0") || host.equals("::")
                ? "localhost" : host;
        return URI.create("http://" + shown + ":" + (port == null ? "8750" : port) + "/");
    }
}
