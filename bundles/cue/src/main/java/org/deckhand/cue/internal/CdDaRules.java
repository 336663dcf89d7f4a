package org.deckhand.cue.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.deckhand.api.cue.CueSheet.Dialect;
import org.deckhand.cue.internal.ParsedSheet.ParsedIndex;
import org.deckhand.cue.internal.ParsedSheet.ParsedTrack;

/**
 * The checks {@code metaflac --import-cuesheet-from} applies to a CD-DA sheet (a 16-bit 44.1 kHz recording), after
 * FLAC's {@code src/share/grabbag/cuesheet.c} and the invalid sheets of its {@code test/cuesheets/}, in metaflac's
 * words; plus the single {@code FILE} a sheet for one recording has. The syntax checks (times of 60 seconds or 75
 * frames, a quote that does not close, an {@code INDEX} before any {@code TRACK}, a {@code TRACK} without an
 * {@code INDEX 01}) are the parser's.
 */
final class CdDaRules {

    /**
     * The longest line, bytes without its end: metaflac reads a line with {@code fgets} into 4,096 bytes and refuses
     * one whose 4,095 bytes do not end in LF, so a line and its CR LF must fit in 4,095 bytes.
     */
    static final int MAX_LINE_BYTES = 4_093;
    private static final int MAX_TRACKS = 99;

    private CdDaRules() {
    }

    /**
     * @param text the sheet's text
     * @param sheet the sheet as parsed from it
     * @return what metaflac would reject, each as "line N: what", empty when it accepts the sheet
     */
    static List<String> violations(String text, ParsedSheet sheet) {
        List<String> violations = new ArrayList<>();
        String[] lines = text.split("\r\n|\n|\r");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].getBytes(StandardCharsets.UTF_8).length > MAX_LINE_BYTES) {
                violations.add("line " + (i + 1) + ": line too long");
            }
        }
        if (sheet.dialect() != Dialect.STANDARD) {
            violations.add("line 1: INDEX times must be mm:ss:ff, not " + sheet.dialect() + "'s");
        }
        long previousOffset = -1;
        ParsedTrack previous = null;
        for (ParsedTrack track : sheet.tracks()) {
            if (track.number() > MAX_TRACKS) {
                violations.add("line " + track.line() + ": CD-DA TRACK number must be between 1 and 99, inclusive");
            }
            if (previous != null && track.number() != previous.number() + 1) {
                violations.add("line " + track.line() + ": CD-DA TRACK numbers must be sequential");
            }
            if (!sheet.fileName().equals(track.file())) {
                violations.add("line " + track.line() + ": a sheet for one recording has one FILE");
            }
            ParsedIndex before = null;
            for (ParsedIndex index : track.indexes()) {
                if (before == null && index.number() > 1) {
                    violations.add("line " + index.line() + ": first INDEX number of a TRACK must be 0 or 1");
                }
                if (before != null && index.number() != before.number() + 1) {
                    violations.add("line " + index.line() + ": INDEX numbers must be sequential");
                }
                if (previousOffset < 0 && index.frames() != 0) {
                    violations.add("line " + index.line()
                            + ": first INDEX of first TRACK must have an offset of 00:00:00");
                }
                if (previousOffset >= 0 && index.frames() <= previousOffset) {
                    violations.add("line " + index.line() + ": CD-DA INDEX offsets must increase in time");
                }
                previousOffset = index.frames();
                before = index;
            }
            previous = track;
        }
        return violations;
    }
}
