package org.deckhand.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class HashingGateTest {

    @Test
    void aCheckWhoseTurnDoesNotComeWithinTheWaitIsNotMadeAndTheNextOneIs() throws InterruptedException {
        HashingGate gate = new HashingGate(1, Duration.ofMillis(20));
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread slow = new Thread(() -> gate.run(() -> {
            holding.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return true;
        }));
        slow.start();
        holding.await();
        AtomicBoolean ran = new AtomicBoolean();

        Optional<Boolean> refused = gate.run(() -> ran.getAndSet(true));

        assertEquals(Optional.empty(), refused);
        assertFalse(ran.get(), "a refused check must not run");
        release.countDown();
        slow.join();
        assertEquals(Optional.of(false), gate.run(() -> ran.getAndSet(true)), "the turn is given back");
    }
}
