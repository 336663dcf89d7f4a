package org.deckhand.api.cue;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Writes CUE sheets for recordings. A service; thread-safe.
 *
 * <p>What it writes, so that metaflac, cuetools, shntool, foobar2000, VLC, mpd, Kodi and DeaDBeeF read it:
 * <ul>
 * <li>{@code REM DATE}, {@code REM GENRE}, {@code REM COMMENT} (the source address), then {@code PERFORMER} and
 * {@code TITLE} of the mix and {@code FILE "name" WAVE|MP3|AIFF}; then per track {@code TRACK nn AUDIO},
 * {@code TITLE}, {@code PERFORMER} and {@code INDEX 01 mm:ss:ff} (75 frames a second, rounded to the nearest frame;
 * minutes go past 99 for long mixes). A line whose value is unknown is left out.</li>
 * <li>Track 1's {@code INDEX 01} is always {@code 00:00:00}, as metaflac requires of a CD-DA sheet; an intro before
 * the first entry belongs to track 1 ({@link CueProblem.Kind#FIRST_MOVED_TO_START}). No {@code INDEX 00} pregap is
 * written: players hide a first track's pregap.</li>
 * <li>Entries without a cue time, at or before the previous track, at or past the recording's end, or after the
 * 99th track are left out and reported in {@link CueWriting#problems()}; the sheet keeps the first 99 tracks.</li>
 * <li>Text: CUE has no escape for {@code "}, so a double quote becomes a typographic one ({@code “} where a quote
 * opens, {@code ”} elsewhere, so that {@code 12"} reads {@code 12”}); tabs and line breaks become spaces; other
 * control characters are removed; a value is cut to 1,000 characters so that a line stays within metaflac's 4,096
 * bytes ({@link CueProblem.Kind#TEXT_SHORTENED}).</li>
 * <li>Encoding: UTF-8 without a byte-order mark, lines ending in CR LF. cuetools' {@code cueprint} and
 * {@code cuebreakpoints} report each byte of a BOM as a "bad character", and metaflac reads the BOM as part of the
 * first keyword; the sheet begins with an ASCII {@code REM} or {@code PERFORMER} line either way.</li>
 * </ul>
 * Every sheet it returns has been read back and checked against the rules metaflac's {@code --import-cuesheet-from}
 * applies to a CD-DA sheet.
 */
@ProviderType
public interface CueSheetWriter {

    /**
     * @param draft the recording and its tracklist
     * @return the sheet, what it says and what it left out
     * @throws IllegalArgumentException if no entry can become a track (none has a cue time before the recording's
     *     end); the message says why each was left out
     */
    CueWriting write(CueDraft draft);
}
