package org.deckhand.analysers.tempo;

import java.util.LinkedHashMap;
import java.util.Map;
import org.deckhand.api.library.Track;

/**
 * Lends the tempo and beat grid analyses of one track the same {@link TrackEnvelope}. The pipeline begins every
 * analysis of a track with the same {@link Track} object before it sends the first block, so an analysis that begins
 * on a track whose envelope is still empty joins it; one that begins later, or without a track, gets an envelope of
 * its own. An envelope is let go when every analysis that joined it has finished; the map also keeps no more than
 * {@value #MOST_TRACKS} envelopes, dropping the oldest, so that analyses that never finish (a hung or failed
 * analyser) cannot make it grow.
 *
 * <p>The tempo and beat grid analysers are two services of this bundle that the SPI keeps apart, so the one instance
 * they share is static. It holds only tracks being analysed.
 */
final class TrackEnvelopes {

    /** The envelopes of the tracks being analysed, shared by every tempo and beat grid analyser. */
    static final TrackEnvelopes IN_PROGRESS = new TrackEnvelopes();

    private static final int MOST_TRACKS = 64;

    private final Map<Key, Entry> entries = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
            return size() > MOST_TRACKS;
        }
    };

    /**
     * @param track the track an analysis begins on, or null
     * @param range the analyser's tempo range
     * @return the envelope the analysis feeds and reads; hand it back to {@link #release} when done
     */
    synchronized TrackEnvelope join(Track track, TempoRange range) {
        if (track == null) {
            return new TrackEnvelope(range);
        }
        Key key = new Key(track, range);
        Entry entry = entries.get(key);
        if (entry == null || !entry.envelope.isEmpty()) {
            entry = new Entry(new TrackEnvelope(range));
            entries.put(key, entry);
        }
        entry.users++;
        return entry.envelope;
    }

    /**
     * @param track the track the analysis began on, or null
     * @param range the analyser's tempo range
     * @param envelope the envelope {@link #join} gave it
     */
    synchronized void release(Track track, TempoRange range, TrackEnvelope envelope) {
        if (track == null) {
            return;
        }
        Key key = new Key(track, range);
        Entry entry = entries.get(key);
        if (entry != null && entry.envelope == envelope && --entry.users == 0) {
            entries.remove(key);
        }
    }

    /** @return how many envelopes are held */
    synchronized int size() {
        return entries.size();
    }

    private static final class Entry {
        private final TrackEnvelope envelope;
        private int users;

        private Entry(TrackEnvelope envelope) {
            this.envelope = envelope;
        }
    }

    /** A track by identity, as the pipeline hands it to each analyser, with the analysers' tempo range. */
    private record Key(Track track, TempoRange range) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.track == track && key.range.equals(range);
        }

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(track) + range.hashCode();
        }
    }
}
