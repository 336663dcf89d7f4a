package org.deckhand.security.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Bounds the CPU that password checks may take, whoever sends them: at most a fixed number of slow hashes run at
 * once, and a check that cannot start within a short wait is not made at all, so that a flood of wrong passwords
 * from many addresses keeps at most that many cores busy instead of every one. Waiting checks start in the order
 * they came. Thread-safe.
 */
final class HashingGate {

    /** How many slow hashes run at once on the server: one core of a two-core NAS. */
    static final int CONCURRENT_HASHES = 1;
    /** How long a check waits for its turn: about ten hashes of {@link PasswordHash#DEFAULT_ITERATIONS}. */
    static final Duration WAIT = Duration.ofSeconds(2);

    private final Semaphore turns;
    private final Duration wait;

    /**
     * @param concurrent how many checks may run at once, at least 1
     * @param wait how long a check waits for its turn
     */
    HashingGate(int concurrent, Duration wait) {
        this.turns = new Semaphore(concurrent, true);
        this.wait = wait;
    }

    /**
     * @param check the slow check
     * @param <T> its result
     * @return the check's result, or empty if its turn did not come within the wait (or the thread was interrupted
     *     while waiting, whose interrupt status is then set again)
     */
    <T> Optional<T> run(Supplier<T> check) {
        try {
            if (!turns.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS)) {
                return Optional.empty();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        try {
            return Optional.of(check.get());
        } finally {
            turns.release();
        }
    }
}
