/**
 * Notifications: what happens on the server, told to its owner over channels such as ntfy, Gotify, e-mail, Discord
 * or a plain webhook. The notifier bundle turns EventAdmin events into {@link org.deckhand.api.notify.Message}s
 * (gathering bursts into digests), keeps each one in a persistent outbox until a channel confirms it, and delivers
 * it through a {@link org.deckhand.api.notify.NotificationChannel} under a rate limit, retries and a circuit breaker.
 *
 * <p>A bundle or a plugin adds a kind of channel by registering a {@link org.deckhand.api.notify.ChannelType}
 * service; the user then configures channels of that type over REST ({@code /api/v1/notifications/channels}). A
 * bundle that has something to tell that is not an event posts a message through the
 * {@link org.deckhand.api.notify.Notifier} service.
 */
@Export
@Version("1.2.0")
package org.deckhand.api.notify;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
