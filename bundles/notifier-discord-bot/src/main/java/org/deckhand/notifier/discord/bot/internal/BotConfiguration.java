package org.deckhand.notifier.discord.bot.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The server-wide settings of Discord bot channels (configuration PID {@value #PID}); each channel's own settings,
 * its bot token above all, are the notifier's.
 */
@ObjectClassDefinition(name = "Deckhand Discord bot",
        description = "How the server's Discord bots talk to Discord: the REST API base and the longest wait.")
public @interface BotConfiguration {

    /** The configuration PID. */
    String PID = "org.deckhand.notifier.discord.bot";

    /**
     * @return the base URL of Discord's REST API with its version and a final slash, such as a test's loopback
     *         stand-in ({@code http://127.0.0.1:4711/api/v10/}); empty for Discord's own. The gateway's address
     *         comes from this API's {@code GET /gateway/bot}
     */
    @AttributeDefinition(name = "REST API base", description = "Another base URL of Discord's REST API, ending in "
            + "/api/v10/ (a test's stand-in of Discord); leave empty")
    String api_base() default "";

    /**
     * @return the longest one message or the bot's first connection may take, in seconds; a message that waits
     *         longer is handed back to the notifier to be retried
     */
    @AttributeDefinition(name = "Request timeout (s)", min = "1")
    int request_timeout_seconds() default 20;
}
