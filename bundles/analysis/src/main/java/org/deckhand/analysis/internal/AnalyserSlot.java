package org.deckhand.analysis.internal;

import java.util.function.BooleanSupplier;
import org.deckhand.api.analysis.Analyser;
import org.deckhand.api.analysis.AnalyserDescriptor;
import org.deckhand.api.analysis.Analysis;
import org.deckhand.api.analysis.AnalysisContext;
import org.deckhand.api.analysis.AnalysisException;
import org.deckhand.api.analysis.AnalysisResult;
import org.deckhand.api.analysis.PcmBlock;
import org.deckhand.api.analysis.PcmFormat;
import org.deckhand.api.library.Track;

/**
 * One analyser's run over one track: calls into the analyser, turns whatever it throws (an {@link Error} too: out of
 * memory, a stack overflow, a class its plugin lacks) into a failure for the user, and keeps the time it has taken.
 * Once failed, a slot ignores further calls. A failure while the analyser's service was withdrawn (its plugin stopped,
 * updated or uninstalled mid-run, its classes gone with it) is the plugin's going, not the track's: it is not kept.
 */
final class AnalyserSlot {

    private final Analyser analyser;
    private final AnalyserDescriptor descriptor;
    private final long budgetNanos;
    private final BooleanSupplier withdrawn;
    private Analysis analysis;
    private AnalysisResult result;
    private volatile String failure;
    private volatile boolean hung;
    private long elapsedNanos;

    /**
     * @param analyser the analyser
     * @param descriptor its descriptor, read once
     * @param budgetNanos the most time its whole run may take, in nanoseconds
     * @param withdrawn whether the analyser's service has gone
     */
    AnalyserSlot(Analyser analyser, AnalyserDescriptor descriptor, long budgetNanos, BooleanSupplier withdrawn) {
        this.analyser = analyser;
        this.descriptor = descriptor;
        this.budgetNanos = budgetNanos;
        this.withdrawn = withdrawn;
    }

    AnalyserDescriptor descriptor() {
        return descriptor;
    }

    /** @return why the run failed, or null while it has not */
    String failure() {
        return failure;
    }

    /**
     * @return whether the run failed after the analyser's service went away, so that its failure says nothing of
     *     the track and the analyser runs over it again when it comes back
     */
    boolean failedWithdrawn() {
        return failure != null && withdrawn.getAsBoolean();
    }

    /** @return the result, once {@link #finish()} succeeded */
    AnalysisResult result() {
        return result;
    }

    /** Marks the run failed, unless it already is. */
    void fail(String reason) {
        if (failure == null) {
            failure = reason;
        }
    }

    /** Marks the run failed because a call into the analyser never returned. */
    void hang(String reason) {
        fail(reason);
        hung = true;
    }

    /** @return whether a call into the analyser never returned */
    boolean hung() {
        return hung;
    }

    void begin(Track track, PcmFormat format, PcmFormat source, AnalysisContext context) {
        call(() -> analysis = analyser.begin(track, format, source, context));
    }

    void process(PcmBlock block) {
        call(() -> analysis.process(block));
    }

    void finish() {
        call(() -> {
            AnalysisResult returned = analysis.finish();
            ResultCheck.check(descriptor, returned);
            result = returned;
        });
    }

    private void call(AnalyserCall work) {
        if (failure != null) {
            return;
        }
        long start = System.nanoTime();
        try {
            work.run();
        } catch (AnalysisException e) {
            fail(e.getMessage());
        } catch (RuntimeException | Error e) {
            fail("it threw " + e);
        } finally {
            elapsedNanos += System.nanoTime() - start;
        }
        if (failure == null && elapsedNanos > budgetNanos) {
            fail(String.format("it took longer than %d s", budgetNanos / 1_000_000_000L));
        }
    }

    /** A call into the analyser. */
    @FunctionalInterface
    private interface AnalyserCall {
        void run() throws AnalysisException;
    }
}
