package org.deckhand.mixer.internal.stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SkipLatencyTest {

    @Test
    void aSkipIsHeardWithinASecondOfAskingWithTheDefaultFourSecondBuffer() throws Exception {
        try (SkipLatency mix = new SkipLatency(3, 4)) {
            double first = mix.skipAfter(6);
            double second = mix.skipAfter(8);
            assertTrue(first <= 1 && second <= 1, "the skips were heard " + first + " s and " + second
                    + " s after asking (the stream's lead is " + SharedRender.FEED_LEAD_SECONDS + " s)");
        }
    }
}
