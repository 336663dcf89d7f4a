package org.deckhand.analysis.internal;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.ObjIntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs calls into analysers on a guard thread, so that one that never returns cannot stall the worker: the worker
 * waits for each batch of calls at most a timeout, marks the analyser it hangs in as failed, leaves that thread
 * behind and carries on with the others on a fresh thread. Batches keep the hand-offs between threads to one per
 * block of audio. Used by one worker thread.
 */
final class CallGuard implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CallGuard.class);

    private final String threadName;
    private final long timeoutMillis;
    private ExecutorService thread;

    /**
     * @param threadName the guard thread's name
     * @param timeoutMillis how long one batch of calls may take before its current call counts as hung
     */
    CallGuard(String threadName, long timeoutMillis) {
        this.threadName = threadName;
        this.timeoutMillis = timeoutMillis;
        this.thread = newThread();
    }

    /**
     * Applies {@code call} to every slot that has not failed, in order, on the guard thread.
     *
     * @param slots the analysers' slots
     * @param call what to do with each
     * @throws InterruptedException if the worker is interrupted while it waits
     */
    void forEach(List<AnalyserSlot> slots, Consumer<AnalyserSlot> call) throws InterruptedException {
        forEach(() -> { }, slots, (slot, index) -> call.accept(slot));
    }

    /**
     * Runs {@code prepare}, then applies {@code call} to every slot that has not failed, with its index in
     * {@code slots}, in order, all in one hand-off to the guard thread: a block of audio decoded, converted and
     * analysed on one thread stays in one core's caches, where handing it from the worker to the guard thread made
     * the two cores pass it between them (3 to 5 ms of CPU per second of audio on a busy 2-core machine).
     *
     * @param prepare what to do before the calls, such as decoding the block they analyse; it must not throw
     * @param slots the analysers' slots
     * @param call what to do with each
     * @return false if {@code prepare} did not return within the timeout: its thread is left behind and no call was
     *     made; true otherwise
     * @throws InterruptedException if the worker is interrupted while it waits
     */
    boolean forEach(Runnable prepare, List<AnalyserSlot> slots, ObjIntConsumer<AnalyserSlot> call)
            throws InterruptedException {
        Runnable pending = prepare;
        int from = 0;
        while (from < slots.size()) {
            Batch batch = new Batch(pending, slots, from, call);
            Future<?> done = thread.submit(batch);
            try {
                done.get(timeoutMillis, TimeUnit.MILLISECONDS);
                return true;
            } catch (TimeoutException e) {
                batch.abandon();
                if (batch.preparing) {
                    LOG.warn("Decoding did not return within {} s; its thread is left behind", timeoutMillis / 1000);
                    thread.shutdownNow();
                    thread = newThread();
                    return false;
                }
                pending = () -> { };
                AnalyserSlot hung = slots.get(batch.current);
                hung.hang(String.format("it did not return within %d s", timeoutMillis / 1000));
                LOG.warn("Analyser {} hangs; its thread is left behind", hung.descriptor().id());
                thread.shutdownNow();
                thread = newThread();
                from = batch.current + 1;
            } catch (ExecutionException e) {
                throw new IllegalStateException("the guard thread failed", e.getCause());
            }
        }
        return true;
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

    /** What to prepare for one block, then its calls, from one slot onwards. */
    private static final class Batch implements Runnable {

        private final Runnable prepare;
        private final List<AnalyserSlot> slots;
        private final ObjIntConsumer<AnalyserSlot> call;
        private volatile int current;
        private volatile boolean preparing = true;
        private volatile boolean abandoned;

        Batch(Runnable prepare, List<AnalyserSlot> slots, int from, ObjIntConsumer<AnalyserSlot> call) {
            this.prepare = prepare;
            this.slots = slots;
            this.call = call;
            this.current = from;
        }

        void abandon() {
            abandoned = true;
        }

        @Override
        public void run() {
            prepare.run();
            preparing = false;
            for (int i = current; i < slots.size() && !abandoned; i++) {
                current = i;
                call.accept(slots.get(i), i);
            }
        }
    }
}
