package org.deckhand.notifier.discord.internal.webhook;

import java.time.Duration;

/** Waits out a rate limit; tests give one that moves a clock instead of sleeping. */
@FunctionalInterface
public interface Pacer {

    /** Sleeps the calling thread. */
    Pacer SLEEP = wait -> Thread.sleep(wait.toMillis(), wait.toNanosPart() % 1_000_000);

    /**
     * @param wait how long to wait, positive
     * @throws InterruptedException when the thread is interrupted while it waits (the channel is being stopped)
     */
    void pause(Duration wait) throws InterruptedException;
}
