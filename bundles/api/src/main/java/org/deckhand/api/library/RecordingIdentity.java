package org.deckhand.api.library;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What makes two files copies of one recording when the catalog has no fingerprint of their decoded audio: the same
 * artists and title, compared after Unicode compatibility folding (NFKC), case folding and collapsing white space
 * (artists in any order), and durations within {@value #DURATION_TOLERANCE_SECONDS} s of each other. The WAV, FLAC,
 * Opus and MP3 files of one song are one recording; a radio edit and an extended mix are not (their durations
 * differ). Untagged files (no artist or no title) have no identity: they are copies only of themselves.
 *
 * @param artistTitle the folded artists and title, the key that copies share
 * @param durationSeconds the playing time, seconds
 * @since 1.3
 */
public record RecordingIdentity(String artistTitle, double durationSeconds) {

    /** How far apart two copies' durations may be, seconds: encoders pad and trim up to a few frames. */
    public static final double DURATION_TOLERANCE_SECONDS = 2;

    /**
     * @param artists the artists, as tagged
     * @param title the title, or null
     * @param durationSeconds the playing time, seconds
     * @return the identity, or empty when the artists or the title are missing or blank
     */
    public static Optional<RecordingIdentity> of(List<String> artists, String title, double durationSeconds) {
        TreeSet<String> names = new TreeSet<>();
        if (artists != null) {
            for (String artist : artists) {
                String name = folded(artist);
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
        }
        String folded = folded(title);
        if (names.isEmpty() || folded.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RecordingIdentity(String.join("\u001f", names) + "\u001e" + folded,
                durationSeconds));
    }

    /**
     * @param tags a track's tags
     * @param durationSeconds its playing time, seconds
     * @return its identity, or empty when untagged
     */
    public static Optional<RecordingIdentity> of(Tags tags, double durationSeconds) {
        return of(tags.artists(), tags.title(), durationSeconds);
    }

    /**
     * @param other another identity
     * @return whether both name one recording: the same key, durations within the tolerance
     */
    public boolean sameAs(RecordingIdentity other) {
        return artistTitle.equals(other.artistTitle)
                && Math.abs(durationSeconds - other.durationSeconds) <= DURATION_TOLERANCE_SECONDS;
    }

    private static String folded(String text) {
        if (text == null) {
            return "";
        }
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip()
                .replaceAll("\\s+", " ");
    }
}
