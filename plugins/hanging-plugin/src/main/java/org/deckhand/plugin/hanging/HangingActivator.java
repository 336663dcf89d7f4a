package org.deckhand.plugin.hanging;

import java.util.concurrent.CountDownLatch;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** A bundle activator whose {@link #start} never returns, not even when interrupted. */
public final class HangingActivator implements BundleActivator {

    @Override
    public void start(BundleContext context) {
        CountDownLatch never = new CountDownLatch(1);
        while (true) {
            try {
                never.await();
            } catch (InterruptedException ignored) {
                // A hung plugin ignores interrupts too.
            }
        }
    }

    @Override
    public void stop(BundleContext context) {
        // It never started.
    }
}
