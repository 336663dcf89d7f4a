package org.deckhand.notifier.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The notifier's settings, configuration PID {@code org.deckhand.notifier}. */
@ObjectClassDefinition(name = "Notifier", description = "Tells you what the server does over ntfy, Gotify, e-mail, "
        + "webhooks and the channels plugins add. Channels are set up in the console or over "
        + "/api/v1/notifications/channels; these settings apply to all of them.")
public @interface NotifierConfiguration {

    /** The configuration PID. */
    String PID = "org.deckhand.notifier";

    @AttributeDefinition(name = "Digest window", description = "Seconds a burst of events is gathered into one "
            + "message (1 to 3600); critical and security messages are sent at once.")
    int digestWindowSeconds() default 60;

    @AttributeDefinition(name = "Console address", description = "The console's address in the messages' links, "
            + "such as https://music.example.org; empty: http://HOST:PORT/ of the server.")
    String consoleUrl() default "";

    @AttributeDefinition(name = "Failures that open the circuit", description = "Consecutive failed attempts "
            + "(5xx, timeouts, unreachable) after which a channel sends nothing for a while.")
    int circuitFailures() default 5;

    @AttributeDefinition(name = "Circuit open", description = "Seconds an open circuit waits before one probe.")
    int circuitOpenSeconds() default 60;

    @AttributeDefinition(name = "First retry", description = "Seconds before a failed message is tried again; each "
            + "further retry waits twice as long, with jitter.")
    int retryInitialSeconds() default 5;

    @AttributeDefinition(name = "Longest retry wait", description = "The longest wait between two retries, seconds.")
    int retryMaxSeconds() default 900;

    @AttributeDefinition(name = "Request timeout", description = "Seconds a channel's request may take, from "
            + "connecting to the answer's last byte (1 to 120).")
    int requestTimeoutSeconds() default 10;

    @AttributeDefinition(name = "History kept", description = "Days a sent message stays in the history.")
    int historyDays() default 14;

    @AttributeDefinition(name = "Messages waiting per channel, at most", description = "When more wait for one "
            + "channel (stopped, or unreachable for long), its oldest messages that are not urgent are dropped, kept "
            + "in the history as dropped, and the channel is told how many once it delivers again (10 to 100000).",
            min = "10", max = "100000")
    int maxPendingPerChannel() default NotifierSettings.DEFAULT_MAX_PENDING_PER_CHANNEL;
}
