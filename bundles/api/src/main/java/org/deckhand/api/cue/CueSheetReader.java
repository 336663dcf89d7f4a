package org.deckhand.api.cue;

import java.io.IOException;
import java.nio.file.Path;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Reads CUE sheets that other programs wrote. A service; thread-safe.
 *
 * <ul>
 * <li>Standard sheets: {@code INDEX 01 mm:ss:ff} (75 frames a second, minutes past 99 allowed) gives each track's
 * start; {@code INDEX 00} (a pregap) is read and skipped; {@code FLAGS}, {@code ISRC}, {@code CATALOG},
 * {@code SONGWRITER}, {@code PREGAP}, {@code POSTGAP} and {@code CDTEXTFILE} are accepted and not kept. Keywords
 * are matched without regard to case; values may be quoted or not.</li>
 * <li>rekordbox's recordings ({@code REM RECORDED_BY "rekordbox-dj"}): {@code INDEX 01 hh:mm:ss} in whole seconds,
 * and a {@code FILE} line in each track naming the file played ({@link CueTrack#file()});
 * {@link CueSheet.Dialect#REKORDBOX}.</li>
 * <li>Text: UTF-8 with or without a byte-order mark; UTF-16 with its byte-order mark; a file that is not valid
 * UTF-8 is read as Windows-1252 (a superset of Latin-1's printable characters, as older Windows programs wrote
 * their sheets).</li>
 * <li>At most {@value #MAX_BYTES} bytes: the largest real sheets (99 tracks with long paths) are under 100 KB.</li>
 * </ul>
 */
@ProviderType
public interface CueSheetReader {

    /** The largest sheet read, bytes (1 MiB). */
    int MAX_BYTES = 1 << 20;

    /**
     * @param file a {@code .cue} file
     * @return what it says
     * @throws MalformedCueSheetException if it is larger than {@value #MAX_BYTES} bytes or is not a CUE sheet; the
     *     message names the file and the line
     * @throws IOException if it cannot be read
     */
    CueSheet read(Path file) throws IOException;

    /**
     * @param source the sheet's name or address, for messages
     * @param content the sheet's bytes
     * @return what it says
     * @throws MalformedCueSheetException if it is larger than {@value #MAX_BYTES} bytes or is not a CUE sheet; the
     *     message names the source and the line
     */
    CueSheet parse(String source, byte[] content) throws MalformedCueSheetException;
}
