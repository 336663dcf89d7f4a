package org.deckhand.mixer.internal.service;

import java.util.List;
import java.util.Locale;

/**
 * Writes a mix's tracklist as a CUE sheet: the mix's performer and title, the audio file it describes, then one
 * {@code TRACK nn AUDIO} per track with its performer, title and {@code INDEX 01 mm:ss:ff} at the start of its
 * fade-in (75 frames per second, as on a CD). Quotes inside names become apostrophes: the format cannot escape them.
 */
final class CueSheet {

    private static final int FRAMES_PER_SECOND = 75;

    private CueSheet() {
    }

    /**
     * @param title the mix's title
     * @param fileName the audio file's name, as the FILE line gives it
     * @param fileType {@code WAVE} for FLAC and WAV, {@code MP3} for MP3
     * @param tracks the tracks in order
     * @return the CUE sheet, lines ending in CR LF
     */
    static String of(String title, String fileName, String fileType, List<TracklistEntry> tracks) {
        StringBuilder cue = new StringBuilder();
        line(cue, "PERFORMER " + quoted("Deckhand"));
        line(cue, "TITLE " + quoted(title));
        line(cue, "FILE " + quoted(fileName) + " " + fileType);
        for (TracklistEntry track : tracks) {
            line(cue, String.format(Locale.ROOT, "  TRACK %02d AUDIO", track.index()));
            line(cue, "    TITLE " + quoted(track.title() == null ? "Track " + track.trackId() : track.title()));
            line(cue, "    PERFORMER " + quoted(track.artist() == null ? "Unknown artist" : track.artist()));
            line(cue, "    INDEX 01 " + index(track.startSeconds()));
        }
        return cue.toString();
    }

    /**
     * @param seconds a time in the mix, seconds
     * @return it as {@code mm:ss:ff}, rounded to the nearest 1/75 s
     */
    static String index(double seconds) {
        long frames = Math.round(Math.max(0, seconds) * FRAMES_PER_SECOND);
        return String.format(Locale.ROOT, "%02d:%02d:%02d", frames / (60 * FRAMES_PER_SECOND),
                frames / FRAMES_PER_SECOND % 60, frames % FRAMES_PER_SECOND);
    }

    private static String quoted(String text) {
        return '"' + text.replace('"', '\'').replace('\r', ' ').replace('\n', ' ') + '"';
    }

    private static void line(StringBuilder cue, String line) {
        cue.append(line).append("\r\n");
    }
}
