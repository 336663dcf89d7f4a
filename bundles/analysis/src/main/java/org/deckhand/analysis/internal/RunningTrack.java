package org.deckhand.analysis.internal;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A track being analysed now, as the queue shows it: how far its decoding has come.
 *
 * @param trackId the track
 * @param path its file
 * @param started when its analysis started
 * @param durationSeconds its playing time in seconds, or NaN when unknown
 * @param progress the decoded frames, updated as decoding proceeds
 */
record RunningTrack(long trackId, Path path, Instant started, double durationSeconds, Progress progress) {

    /** The decoding position of a running track, written by its worker and read by the REST API. */
    static final class Progress {

        private volatile double decodedSeconds;

        double decodedSeconds() {
            return decodedSeconds;
        }

        void decodedSeconds(double seconds) {
            decodedSeconds = seconds;
        }
    }
}
