package org.deckhand.analysis.internal;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a track's decoding and analysis on a guard thread, so that an analyser or decoder that never returns cannot
 * stall the worker. The work is a sequence of {@link Steps}, each of which may hang: decoding a block, or one call
 * into an analyser. The guard thread runs them one after the other without handing anything back to the worker, so
 * that the audio, the decoder's and the analysers' state stay in one core's caches; the worker only waits, and when
 * one step has run longer than the timeout it leaves that thread behind, has the work skip the step, and carries on
 * with the rest on a fresh thread. Used by one worker thread.
 */
final class CallGuard implements AutoCloseable {

    /** The step of decoding a block; analyser calls are numbered from 0. */
    static final int DECODING = -1;

    private static final Logger LOG = LoggerFactory.getLogger(CallGuard.class);

    private final String threadName;
    private final long timeoutNanos;
    private ExecutorService thread;

    /**
     * @param threadName the guard thread's name
     * @param timeoutMillis how long one step may take before it counts as hung
     */
    CallGuard(String threadName, long timeoutMillis) {
        this.threadName = threadName;
        this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        this.thread = newThread();
    }

    /**
     * Runs the steps on the guard thread until they are all done, skipping each that hangs.
     *
     * @param steps the work
     * @return false if a step hung that the work cannot go on past (decoding): its thread is left behind and the
     *     rest is not run; true otherwise
     * @throws InterruptedException if the worker is interrupted while it waits; the guard thread stops at its next
     *     step
     */
    boolean run(Steps steps) throws InterruptedException {
        String reason = String.format("it did not return within %d s", TimeUnit.NANOSECONDS.toSeconds(timeoutNanos));
        while (true) {
            Watch watch = new Watch();
            Future<?> done = thread.submit(() -> steps.run(watch));
            try {
                if (finished(done, watch)) {
                    return true;
                }
            } catch (InterruptedException e) {
                watch.abandon();
                throw e;
            }
            thread.shutdownNow();
            thread = newThread();
            if (!steps.skip(watch.step(), reason)) {
                LOG.warn("Decoding did not return within {} s; its thread is left behind",
                        TimeUnit.NANOSECONDS.toSeconds(timeoutNanos));
                return false;
            }
        }
    }

    /** @return true when the steps are done; false when the current one hung, and the watch is then abandoned */
    private boolean finished(Future<?> done, Watch watch) throws InterruptedException {
        long left = timeoutNanos;
        while (left > 0) {
            try {
                done.get(left, TimeUnit.NANOSECONDS);
                return true;
            } catch (TimeoutException e) {
                left = watch.leftOrAbandon(timeoutNanos);
            } catch (ExecutionException e) {
                throw new IllegalStateException("the guard thread failed", e.getCause());
            }
        }
        return false;
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }

    private ExecutorService newThread() {
        return Executors.newSingleThreadExecutor(task -> {
            Thread guard = new Thread(task, threadName);
            guard.setDaemon(true);
            return guard;
        });
    }

    /** Work that the guard runs as a sequence of steps, any of which may hang. */
    interface Steps {

        /**
         * Runs the steps from where the work stands, on the guard thread: each between {@link Watch#enter} and
         * {@link Watch#leave}, and the work's position moves on only when both said yes. Must not throw.
         *
         * @param watch the watch of this run of the steps
         */
        void run(Watch watch);

        /**
         * Skips the step that hung, on the worker's thread, once the thread that ran it is left behind.
         *
         * @param step the step: {@link #DECODING} or an analyser call's number
         * @param reason why, for the analyser's failure
         * @return whether the work can go on past it
         */
        boolean skip(int step, String reason);
    }

    /**
     * Which step the guard thread is in and since when. Once the worker has abandoned it, the thread it watches
     * starts no further step and moves the work's position no further.
     */
    static final class Watch {

        private boolean inStep;
        private int step;
        private long startedNanos;
        private boolean abandoned;

        /**
         * @param step the step about to run
         * @return whether to run it: false once abandoned or interrupted
         */
        synchronized boolean enter(int step) {
            if (abandoned || Thread.currentThread().isInterrupted()) {
                return false;
            }
            inStep = true;
            this.step = step;
            startedNanos = System.nanoTime();
            return true;
        }

        /** @return whether the work may move on past the step just run: false once abandoned */
        synchronized boolean leave() {
            inStep = false;
            return !abandoned;
        }

        synchronized int step() {
            return step;
        }

        synchronized void abandon() {
            abandoned = true;
        }

        /**
         * @return how long the current step may still run (nanoseconds); 0 or less when it has run past the timeout,
         *     and then the watch is abandoned
         */
        synchronized long leftOrAbandon(long timeoutNanos) {
            if (!inStep) {
                return timeoutNanos;
            }
            long left = timeoutNanos - (System.nanoTime() - startedNanos);
            if (left <= 0) {
                abandoned = true;
            }
            return left;
        }
    }
}
