package org.deckhand.cue.internal;

import java.util.List;
import java.util.Map;
import org.deckhand.api.cue.CueSheet.Dialect;

/**
 * A CUE sheet as parsed, with every index of every track and the lines they came from: what the reader gives out
 * and what {@link CdDaRules} checks.
 *
 * @param dialect how its times are given
 * @param remarks its {@code REM} lines before the first track, by upper-case key, in order
 * @param title the sheet's {@code TITLE}, or null
 * @param performer the sheet's {@code PERFORMER}, or null
 * @param fileName its first {@code FILE}'s name
 * @param fileType its first {@code FILE}'s type, as written
 * @param tracks its tracks in order
 */
record ParsedSheet(Dialect dialect, Map<String, String> remarks, String title, String performer, String fileName,
        String fileType, List<ParsedTrack> tracks) {

    /**
     * One {@code TRACK}.
     *
     * @param line its {@code TRACK} line, from 1
     * @param number its number
     * @param title its {@code TITLE}, or null
     * @param performer its {@code PERFORMER}, or null
     * @param file the {@code FILE} in effect at its {@code INDEX 01} (or at its last index, without one)
     * @param indexes its {@code INDEX} lines in order
     */
    record ParsedTrack(int line, int number, String title, String performer, String file,
            List<ParsedIndex> indexes) {
    }

    /**
     * One {@code INDEX}.
     *
     * @param line its line, from 1
     * @param number its number, 0 to 99
     * @param frames its time, frames of 1/75 s from the start of its file
     */
    record ParsedIndex(int line, int number, long frames) {
    }
}
