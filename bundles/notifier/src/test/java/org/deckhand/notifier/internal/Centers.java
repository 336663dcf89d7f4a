package org.deckhand.notifier.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.deckhand.api.notify.ChannelType;
import org.deckhand.notifier.internal.channel.EmailChannelType;
import org.deckhand.notifier.internal.channel.GotifyChannelType;
import org.deckhand.notifier.internal.channel.HttpSender;
import org.deckhand.notifier.internal.channel.NtfyChannelType;
import org.deckhand.notifier.internal.channel.WebhookChannelType;
import org.deckhand.notifier.internal.delivery.DeliveryPolicy;
import org.deckhand.testing.database.TestDatabases;

/** Opens notification centres for tests, with the bundle's own channel types and short waits. */
final class Centers {

    /** The console address the tests' messages link to. */
    static final URI CONSOLE = URI.create("http://deckhand.test:8080/");

    private Centers() {
    }

    static List<ChannelType> builtInTypes(Duration timeout) {
        HttpSender http = new HttpSender(timeout);
        return List.of(new NtfyChannelType(http), new GotifyChannelType(http), new WebhookChannelType(http),
                new EmailChannelType(timeout));
    }

    static NotifierSettings settings(Duration window, DeliveryPolicy policy) {
        return new NotifierSettings(window, CONSOLE, policy, Duration.ofDays(14),
                NotifierSettings.DEFAULT_MAX_PENDING_PER_CHANNEL);
    }

    /** Retries after 50 ms, doubling to 400 ms; the circuit opens after 3 failures, for 1 s. */
    static DeliveryPolicy quickPolicy() {
        return new DeliveryPolicy(3, Duration.ofSeconds(1), Duration.ofMillis(50), Duration.ofMillis(400));
    }

    static NotificationCenter open(Path folder, Duration window, DeliveryPolicy policy, Duration timeout)
            throws IOException {
        return new NotificationCenter(folder, TestDatabases.engine(), settings(window, policy), builtInTypes(timeout),
                Clock.systemUTC());
    }

    static NotificationCenter open(Path folder) throws IOException {
        return open(folder, Duration.ofMillis(300), quickPolicy(), Duration.ofSeconds(2));
    }
}
