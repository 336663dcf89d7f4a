package org.deckhand.notifier.discord.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The server-wide settings of Discord webhook channels (configuration PID {@value #PID}); each channel's own
 * settings, its webhook URL above all, are the notifier's.
 */
@ObjectClassDefinition(name = "Deckhand Discord webhooks",
        description = "How the server talks to Discord's webhooks: timeouts and the longest rate limit waited out.")
public @interface DiscordWebhookConfiguration {

    /** The configuration PID. */
    String PID = "org.deckhand.notifier.discord";

    /**
     * @return another Discord API base whose webhook URLs are accepted besides Discord's own, such as a loopback
     *         stand-in of Discord's API in a test ({@code http://127.0.0.1:4711/api}); empty for Discord's only
     */
    @AttributeDefinition(name = "Other API base", description = "An API base accepted besides https://discord.com/api "
            + "(a test's stand-in of Discord); leave empty")
    String api_base() default "";

    /** @return the longest a connection to Discord may take to open, in seconds */
    @AttributeDefinition(name = "Connect timeout (s)", min = "1")
    int connect_timeout_seconds() default 5;

    /** @return the longest one message's exchange with Discord may take, in seconds */
    @AttributeDefinition(name = "Request timeout (s)", min = "1")
    int request_timeout_seconds() default 15;

    /**
     * @return the longest rate limit a channel waits out itself before a message, in seconds; a longer one hands the
     *         message back to the notifier to be sent when it ends
     */
    @AttributeDefinition(name = "Longest rate-limit wait (s)", min = "0")
    int longest_wait_seconds() default 10;
}
