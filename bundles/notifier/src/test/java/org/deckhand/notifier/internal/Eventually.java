package org.deckhand.notifier.internal;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for something the notifier does on its own threads. */
final class Eventually {

    private Eventually() {
    }

    static void until(String what, Duration within, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within " + within + ": " + what);
            }
            Thread.sleep(20);
        }
    }

    static <T> T value(String what, Duration within, Supplier<T> probe, java.util.function.Predicate<T> good)
            throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        T value = probe.get();
        while (!good.test(value)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within " + within + ": " + what + "; last seen " + value);
            }
            Thread.sleep(20);
            value = probe.get();
        }
        return value;
    }
}
