package org.deckhand.api.library;

import java.util.List;

/**
 * The descriptive tags of a track, as read from its file. Every field but {@code artists} may be {@code null} when
 * the file does not carry it.
 *
 * @param title track title
 * @param artists the track's artists in the order the file lists them; empty, never null, when there are none
 * @param album album title
 * @param albumArtist album artist
 * @param trackNumber position on its disc, from 1
 * @param discNumber disc number, from 1
 * @param year year of release
 * @param genre genre as written in the file
 * @param label record label
 * @param isrc International Standard Recording Code (ISO 3901)
 * @param comment free-text comment
 * @param bpm tempo written in the file's tags (ID3 TBPM, Vorbis BPM, MP4 tmpo), in beats per minute
 * @param key musical key written in the file's tags (ID3 TKEY, Vorbis INITIALKEY), as written
 * @param trackTotal how many tracks its disc has (ID3 TRCK after the {@code /}, Vorbis TRACKTOTAL or TOTALTRACKS,
 *     MP4 trkn)
 * @param discTotal how many discs its release has (ID3 TPOS after the {@code /}, Vorbis DISCTOTAL or TOTALDISCS,
 *     MP4 disk)
 * @param compilation whether the file is marked as part of a compilation (ID3 TCMP, Vorbis COMPILATION, MP4 cpil)
 * @since 1.3
 */
public record Tags(String title, List<String> artists, String album, String albumArtist, Integer trackNumber,
        Integer discNumber, Integer year, String genre, String label, String isrc, String comment, Double bpm,
        String key, Integer trackTotal, Integer discTotal, Boolean compilation) {

    /** A file with no tags at all. */
    public static final Tags NONE = new Tags(null, List.of(), null, null, null, null, null, null, null, null, null,
            null, null);

    /** Copies {@code artists} so that the record stays immutable; a null list becomes empty. */
    public Tags {
        artists = artists == null ? List.of() : List.copyOf(artists);
    }

    /**
     * Tags without the track and disc totals and the compilation flag, as before version 1.3 of this package.
     *
     * @param title track title
     * @param artists the track's artists
     * @param album album title
     * @param albumArtist album artist
     * @param trackNumber position on its disc, from 1
     * @param discNumber disc number, from 1
     * @param year year of release
     * @param genre genre as written
     * @param label record label
     * @param isrc International Standard Recording Code
     * @param comment free-text comment
     * @param bpm tempo written in the tags, in beats per minute
     * @param key musical key written in the tags
     */
    public Tags(String title, List<String> artists, String album, String albumArtist, Integer trackNumber,
            Integer discNumber, Integer year, String genre, String label, String isrc, String comment, Double bpm,
            String key) {
        this(title, artists, album, albumArtist, trackNumber, discNumber, year, genre, label, isrc, comment, bpm, key,
                null, null, null);
    }
}
