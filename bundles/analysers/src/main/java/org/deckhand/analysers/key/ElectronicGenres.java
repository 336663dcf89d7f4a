package org.deckhand.analysers.key;

import java.util.List;
import java.util.Locale;
import org.deckhand.api.library.Track;

/**
 * Tells electronic dance music from other music by the genre tag, for the choice of key profiles: Faraldo et al.
 * (2016) derived EDMA from electronic dance music, where minor keys and modal harmony dominate, and it fits that music
 * better than profiles from Western art music (Krumhansl–Kessler, Temperley), which in turn fit other music better.
 */
final class ElectronicGenres {

    /** Words of genre names that mark electronic dance music, as Beatport and taggers write them. */
    private static final List<String> MARKERS = List.of("electro", "house", "techno", "trance", "edm", "dance",
            "drum and bass", "drum & bass", "drum'n'bass", "drum n bass", "dnb", "jungle", "dubstep", "breakbeat",
            "uk garage", "hardstyle", "happy hardcore", "idm", "downtempo", "synthwave", "big room");
    /** Genre names that hold a marker but are not electronic dance music. */
    private static final List<String> EXCEPTIONS = List.of("dancehall");

    private ElectronicGenres() {
    }

    /**
     * @param track a track, or null
     * @return whether its genre tag names a kind of electronic dance music, such as {@code Tech House} or
     *     {@code Electronic}
     */
    static boolean includes(Track track) {
        String genre = track == null ? null : track.tags().genre();
        if (genre == null) {
            return false;
        }
        String lower = genre.toLowerCase(Locale.ROOT);
        return MARKERS.stream().anyMatch(lower::contains) && EXCEPTIONS.stream().noneMatch(lower::contains);
    }
}
