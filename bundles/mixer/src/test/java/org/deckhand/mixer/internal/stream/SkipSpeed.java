package org.deckhand.mixer.internal.stream;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Prints how long after asking a listener hears a skip, in seconds of audio ({@link SkipLatency}: sines through a
 * {@link SharedRender} with the default 4 s render-ahead buffer, read as a WAV stream in real time), for a number of
 * skips 8 s apart, with their median and maximum. A measurement to run by hand, not a test.
 */
public final class SkipSpeed {

    private SkipSpeed() {
    }

    /**
     * @param args the number of skips (10 by default) and the render-ahead buffer in seconds (4 by default)
     * @throws Exception if the stream fails
     */
    public static void main(String[] args) throws Exception {
        int skips = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        double lead = args.length > 1 ? Double.parseDouble(args[1]) : 4;
        List<Double> heard = new ArrayList<>();
        try (SkipLatency mix = new SkipLatency(skips + 1, lead)) {
            for (int skip = 0; skip < skips; skip++) {
                double seconds = mix.skipAfter(8);
                heard.add(seconds);
                System.out.printf("skip %d: heard %.3f s after asking%n", skip + 1, seconds);
            }
        }
        Collections.sort(heard);
        System.out.printf("skips: %d, buffer %.1f s, stream lead %.1f s: heard after p50 %.3f s, max %.3f s%n",
                skips, lead, SharedRender.FEED_LEAD_SECONDS, heard.get(heard.size() / 2),
                heard.get(heard.size() - 1));
    }
}
