package org.deckhand.analysis.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The guard over steps that return, hang, or come back after the worker has left their thread behind. */
class CallGuardTest {

    private static final long TIMEOUT_MILLIS = 1000;

    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    @Test
    void aStepThatComesBackAfterItsTimeoutMovesTheWorkNoFurther() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch cameBack = new CountDownLatch(1);
        ThreeSteps steps = new ThreeSteps(1, release, cameBack);

        try (CallGuard guard = new CallGuard("test-guard", TIMEOUT_MILLIS)) {
            assertTrue(guard.run(steps));
            release.countDown();
            assertTrue(cameBack.await(5, TimeUnit.SECONDS));
        }

        assertEquals(List.of("step 0", "skipped 1: it did not return within 1 s", "step 2", "step 1 came back late"),
                log);
    }

    @Test
    void aHungStepTheWorkCannotGoOnPastEndsTheRun() throws InterruptedException {
        CountDownLatch never = new CountDownLatch(1);
        ThreeSteps steps = new ThreeSteps(CallGuard.DECODING, never, new CountDownLatch(1));

        try (CallGuard guard = new CallGuard("test-guard", TIMEOUT_MILLIS)) {
            assertFalse(guard.run(steps));
        }

        assertEquals(List.of("step 0"), log);
    }

    /** Steps 0, 1 and 2; one of them, numbered as given, waits for a latch that only the test releases. */
    private final class ThreeSteps implements CallGuard.Steps {

        private final int slowStep;
        private final CountDownLatch release;
        private final CountDownLatch cameBack;
        private int next;

        ThreeSteps(int slowStep, CountDownLatch release, CountDownLatch cameBack) {
            this.slowStep = slowStep;
            this.release = release;
            this.cameBack = cameBack;
        }

        @Override
        public void run(CallGuard.Watch watch) {
            while (next < 3) {
                int step = next == 1 && slowStep == CallGuard.DECODING ? CallGuard.DECODING : next;
                if (!watch.enter(step)) {
                    return;
                }
                if (step == slowStep) {
                    awaitUninterruptibly(release);
                }
                boolean goOn = watch.leave();
                log.add("step " + step + (goOn ? "" : " came back late"));
                if (!goOn) {
                    cameBack.countDown();
                    return;
                }
                next++;
            }
        }

        @Override
        public boolean skip(int step, String reason) {
            if (step == CallGuard.DECODING) {
                return false;
            }
            log.add("skipped " + step + ": " + reason);
            next = step + 1;
            return true;
        }

        private static void awaitUninterruptibly(CountDownLatch latch) {
            while (true) {
                try {
                    latch.await();
                    return;
                } catch (InterruptedException ignored) {
                    // a hung call ignores the interrupt the guard sends when it leaves the thread behind
                }
            }
        }
    }
}
