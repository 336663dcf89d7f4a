package org.deckhand.catalog.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Finds copies of one recording among tracks handed over in order of duration: two tracks whose durations differ by
 * at most {@value #DURATION_TOLERANCE_SECONDS} s and whose decoded-audio fingerprints (the {@code fingerprint}
 * analyser's field {@code audio}: 32-bit words in hex, one per 0.37 s from the first sound, after Haitsma and Kalker,
 * ISMIR 2002) differ in at most {@value #MAX_BIT_ERROR_RATE} of the bits of the words both hold, over at least
 * {@value #MIN_WORDS} words. Lossy copies of one song differ in about 10 % of the bits, different songs in about half
 * (the analyser's corpus test). Only the tracks within the duration tolerance are held, so memory stays bounded.
 */
final class RecordingMatcher {

    static final double DURATION_TOLERANCE_SECONDS = 1.0;
    static final double MAX_BIT_ERROR_RATE = 0.25;
    static final int MIN_WORDS = 8;

    private record Print(long trackId, double durationSeconds, int[] words) {
    }

    private final Deque<Print> window = new ArrayDeque<>();
    private final Map<Long, TreeSet<Long>> groupOf;

    /** @param groupOf the groups found so far by track id, joined with the ones this matcher finds */
    RecordingMatcher(Map<Long, TreeSet<Long>> groupOf) {
        this.groupOf = groupOf;
    }

    /**
     * @param trackId the next track, whose duration is no shorter than the previous one's
     * @param durationSeconds its duration in seconds
     * @param fingerprint its fingerprint in hex; a malformed one is skipped
     */
    void add(long trackId, double durationSeconds, String fingerprint) {
        int[] words = words(fingerprint);
        if (words.length < MIN_WORDS) {
            return;
        }
        while (!window.isEmpty() && window.peekFirst().durationSeconds() < durationSeconds
                - DURATION_TOLERANCE_SECONDS) {
            window.removeFirst();
        }
        for (Print earlier : window) {
            if (bitErrorRate(earlier.words(), words) <= MAX_BIT_ERROR_RATE) {
                join(groupOf, earlier.trackId(), trackId);
            }
        }
        window.addLast(new Print(trackId, durationSeconds, words));
    }

    /** Puts two tracks in one group, merging the groups they were in. */
    static void join(Map<Long, TreeSet<Long>> groupOf, long first, long second) {
        TreeSet<Long> a = groupOf.computeIfAbsent(first, id -> new TreeSet<>(List.of(id)));
        TreeSet<Long> b = groupOf.computeIfAbsent(second, id -> new TreeSet<>(List.of(id)));
        if (a == b) {
            return;
        }
        a.addAll(b);
        for (long member : b) {
            groupOf.put(member, a);
        }
    }

    private static double bitErrorRate(int[] a, int[] b) {
        int words = Math.min(a.length, b.length);
        if (words < MIN_WORDS) {
            return 1;
        }
        int differing = 0;
        for (int i = 0; i < words; i++) {
            differing += Integer.bitCount(a[i] ^ b[i]);
        }
        return differing / (32.0 * words);
    }

    private static int[] words(String hex) {
        if (hex == null || hex.length() % 8 != 0) {
            return new int[0];
        }
        int[] words = new int[hex.length() / 8];
        try {
            for (int i = 0; i < words.length; i++) {
                words[i] = HexFormat.fromHexDigits(hex, i * 8, i * 8 + 8);
            }
        } catch (IllegalArgumentException notHex) {
            return new int[0];
        }
        return words;
    }
}
