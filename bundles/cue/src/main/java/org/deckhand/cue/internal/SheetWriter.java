package org.deckhand.cue.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.deckhand.api.cue.CueDraft;
import org.deckhand.api.cue.CueEntry;
import org.deckhand.api.cue.CueProblem;
import org.deckhand.api.cue.CueProblem.Kind;
import org.deckhand.api.cue.CueTime;

/**
 * Writes a draft as CUE text, as {@link org.deckhand.api.cue.CueSheetWriter} describes: which entries become tracks,
 * what is reported, and how each line is written.
 */
final class SheetWriter {

    private static final int MAX_TRACKS = 99;
    private static final String EOL = "\r\n";

    private SheetWriter() {
    }

    /**
     * The text and what it could not say.
     *
     * @param text the sheet
     * @param problems by entry, in order
     */
    record Written(String text, List<CueProblem> problems) {
    }

    /**
     * @param draft the recording and its entries
     * @return the sheet
     * @throws IllegalArgumentException if the file's name holds a double quote or a control character, or no entry
     *     can become a track
     */
    static Written write(CueDraft draft) {
        String file = draft.fileName();
        if (file.chars().anyMatch(c -> c == '"' || Character.isISOControl(c))) {
            throw new IllegalArgumentException("a CUE sheet cannot name the file " + file.replaceAll("\\p{Cntrl}", "?")
                    + ": its name holds a double quote or a control character, which CUE cannot write");
        }
        List<CueProblem> problems = new ArrayList<>();
        StringBuilder cue = new StringBuilder();
        remark(cue, "DATE", draft.date(), problems);
        remark(cue, "GENRE", draft.genre(), problems);
        remark(cue, "COMMENT", draft.comment(), problems);
        text(cue, "", "PERFORMER", draft.performer(), 0, problems);
        text(cue, "", "TITLE", draft.title(), 0, problems);
        cue.append("FILE \"").append(file).append("\" ").append(draft.fileType().name()).append(EOL);
        long endFrames = draft.durationSeconds() == null ? Long.MAX_VALUE : CueTime.frames(draft.durationSeconds());
        long previous = -1;
        int tracks = 0;
        for (int i = 0; i < draft.entries().size(); i++) {
            CueEntry entry = draft.entries().get(i);
            int position = i + 1;
            Double seconds = entry.startSeconds();
            if (seconds == null || !(seconds >= 0) || seconds.isInfinite()) {
                problems.add(new CueProblem(position, Kind.NO_CUE_TIME, describe(position, entry)
                        + (seconds == null ? " has no cue time" : " has no usable cue time (" + seconds + " s)")
                        + ": left out of the CUE sheet"));
                continue;
            }
            long frames = CueTime.frames(seconds);
            if (frames >= endFrames) {
                problems.add(new CueProblem(position, Kind.AFTER_END, describe(position, entry) + " starts at "
                        + CueTime.format(frames) + ", at or after the recording's end at "
                        + CueTime.format(endFrames) + ": left out of the CUE sheet"));
                continue;
            }
            if (previous >= 0 && frames <= previous) {
                problems.add(new CueProblem(position, Kind.NOT_AFTER_PREVIOUS, describe(position, entry)
                        + " starts at " + CueTime.format(frames) + ", not after the track before it at "
                        + CueTime.format(previous) + ": left out of the CUE sheet"));
                continue;
            }
            if (tracks == MAX_TRACKS) {
                problems.add(new CueProblem(position, Kind.OVER_99_TRACKS, describe(position, entry)
                        + " would be track 100 or later, and a CUE sheet holds 99 tracks: left out of the CUE sheet"));
                continue;
            }
            if (previous < 0 && frames > 0) {
                problems.add(new CueProblem(position, Kind.FIRST_MOVED_TO_START, describe(position, entry)
                        + " starts at " + CueTime.format(frames) + ": as track 1 it starts the CUE sheet at "
                        + "00:00:00, so that what plays before it stays playable"));
                frames = 0;
            }
            tracks++;
            cue.append(String.format(Locale.ROOT, "  TRACK %02d AUDIO", tracks)).append(EOL);
            text(cue, "    ", "TITLE", entry.title(), position, problems);
            text(cue, "    ", "PERFORMER", entry.performer(), position, problems);
            cue.append("    INDEX 01 ").append(CueTime.format(frames)).append(EOL);
            previous = frames;
        }
        if (tracks == 0) {
            throw new IllegalArgumentException("no entry of the tracklist can start a CUE track: "
                    + (problems.isEmpty() ? "it has no entries"
                            : String.join("; ", problems.stream().map(CueProblem::message).toList())));
        }
        return new Written(cue.toString(), problems);
    }

    private static void remark(StringBuilder cue, String key, String raw, List<CueProblem> problems) {
        CueValue value = CueValue.of(raw);
        if (value.text() == null) {
            return;
        }
        shortened(value, 0, "REM " + key, problems);
        boolean bare = value.text().chars().noneMatch(c -> Character.isWhitespace(c) || c > 0x7E);
        cue.append("REM ").append(key).append(' ');
        cue.append(bare && "DATE".equals(key) ? value.text() : '"' + value.text() + '"').append(EOL);
    }

    private static void text(StringBuilder cue, String indent, String command, String raw, int entry,
            List<CueProblem> problems) {
        CueValue value = CueValue.of(raw);
        if (value.text() != null) {
            shortened(value, entry, command, problems);
            cue.append(indent).append(command).append(" \"").append(value.text()).append('"').append(EOL);
        }
    }

    private static void shortened(CueValue value, int entry, String command, List<CueProblem> problems) {
        if (value.shortened()) {
            problems.add(new CueProblem(entry, Kind.TEXT_SHORTENED, (entry == 0 ? "The mix's " : "Entry " + entry
                    + "'s ") + command + " is cut to " + CueValue.MAX_CODE_POINTS + " characters"));
        }
    }

    private static String describe(int position, CueEntry entry) {
        String performer = CueValue.of(entry.performer()).text();
        String title = CueValue.of(entry.title()).text();
        String name = performer == null && title == null ? "" : " (" + (performer == null ? "?" : performer) + " - "
                + (title == null ? "?" : title) + ")";
        return "Entry " + position + name;
    }
}
