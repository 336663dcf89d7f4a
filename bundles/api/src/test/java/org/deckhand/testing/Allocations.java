package org.deckhand.testing;

import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;

/**
 * Measures the heap that a call allocates on the calling thread, for tests that bound what a parser may allocate for
 * a small input (a header claiming gigabytes must not be believed). Allocations made while classes load (and, under a
 * fuzzer's agent, are instrumented) are not the parser's: a call that loaded classes is run and measured again.
 */
public final class Allocations {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final ClassLoadingMXBean CLASSES = ManagementFactory.getClassLoadingMXBean();

    private Allocations() {
    }

    /** A call to measure. */
    @FunctionalInterface
    public interface Call {
        /** @throws Exception whatever the call throws */
        void run() throws Exception;
    }

    /**
     * @param call the call, run once, or twice when its first run loaded classes
     * @return the bytes it allocated on this thread in its last run
     * @throws Exception what the call threw (then nothing is measured)
     */
    public static long of(Call call) throws Exception {
        long classes = CLASSES.getTotalLoadedClassCount();
        long allocated = once(call);
        return CLASSES.getTotalLoadedClassCount() == classes ? allocated : once(call);
    }

    private static long once(Call call) throws Exception {
        long before = THREADS.getCurrentThreadAllocatedBytes();
        call.run();
        return THREADS.getCurrentThreadAllocatedBytes() - before;
    }
}
