package org.deckhand.cue.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deckhand.api.cue.CueSheet.Dialect;
import org.deckhand.api.cue.CueTime;
import org.deckhand.api.cue.MalformedCueSheetException;
import org.deckhand.cue.internal.ParsedSheet.ParsedIndex;
import org.deckhand.cue.internal.ParsedSheet.ParsedTrack;

/**
 * Parses a CUE sheet's text, line by line, after the CDRWIN syntax: one command a line, keywords in any case, values
 * quoted or (without spaces, or as the rest of the line) not. Times are {@code mm:ss:ff} (minutes of any length,
 * seconds and frames of one or two digits, as metaflac accepts them), or {@code hh:mm:ss} in a rekordbox recording's
 * sheet. Not thread-safe: one parser a sheet.
 */
final class CueParser {

    private static final Pattern TIME = Pattern.compile("(\\d{1,9}):(\\d{1,2}):(\\d{1,2})");
    private static final Set<String> IGNORED = Set.of("SONGWRITER", "FLAGS", "ISRC", "CATALOG", "CDTEXTFILE",
            "PREGAP", "POSTGAP");
    private static final int MAX_TRACK_NUMBER = 254;
    private static final int MAX_INDEX_NUMBER = 99;

    private final String source;
    private final Map<String, String> remarks = new LinkedHashMap<>();
    private final List<TrackBuilder> tracks = new ArrayList<>();
    private String title;
    private String performer;
    private String fileName;
    private String fileType;
    private String currentFile;

    private CueParser(String source) {
        this.source = source;
    }

    /**
     * @param source the sheet's name, for messages
     * @param text its text
     * @return what it says
     * @throws MalformedCueSheetException if a line is not CUE syntax, a track lacks an {@code INDEX 01}, or there is
     *     no {@code FILE} or no {@code TRACK}; the message names the source and the line
     */
    static ParsedSheet parse(String source, String text) throws MalformedCueSheetException {
        return new CueParser(source).run(text);
    }

    private ParsedSheet run(String text) throws MalformedCueSheetException {
        String[] lines = text.split("\r\n|\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            command(new Line(lines[i], i + 1));
        }
        if (tracks.isEmpty()) {
            throw new MalformedCueSheetException(source, 0, "no TRACK: not a CUE sheet");
        }
        String recordedBy = remarks.get("RECORDED_BY");
        Dialect dialect = recordedBy != null && recordedBy.toLowerCase(Locale.ROOT).startsWith("rekordbox")
                ? Dialect.REKORDBOX : Dialect.STANDARD;
        List<ParsedTrack> parsed = new ArrayList<>();
        for (TrackBuilder track : tracks) {
            parsed.add(track.build(dialect));
        }
        return new ParsedSheet(dialect, remarks, title, performer, fileName, fileType, parsed);
    }

    private void command(Line line) throws MalformedCueSheetException {
        String keyword = line.word();
        if (keyword == null) {
            return;
        }
        TrackBuilder track = tracks.isEmpty() ? null : tracks.get(tracks.size() - 1);
        switch (keyword.toUpperCase(Locale.ROOT)) {
            case "REM" -> remark(line, track);
            case "TITLE" -> {
                String value = line.value();
                if (track == null) {
                    title = value;
                } else {
                    track.title = value;
                }
            }
            case "PERFORMER" -> {
                String value = line.value();
                if (track == null) {
                    performer = value;
                } else {
                    track.performer = value;
                }
            }
            case "FILE" -> file(line);
            case "TRACK" -> track(line);
            case "INDEX" -> index(line, track);
            default -> {
                if (!IGNORED.contains(keyword.toUpperCase(Locale.ROOT))) {
                    throw error(line, "unknown command " + keyword);
                }
            }
        }
    }

    private void remark(Line line, TrackBuilder track) throws MalformedCueSheetException {
        String key = line.word();
        if (key != null && track == null) {
            String value = line.value();
            remarks.putIfAbsent(key.toUpperCase(Locale.ROOT), value == null ? "" : value);
        }
    }

    private void file(Line line) throws MalformedCueSheetException {
        String name;
        String type;
        if (line.startsQuote()) {
            name = line.value();
            type = line.word();
        } else {
            String rest = line.value();
            int space = rest == null ? -1 : rest.lastIndexOf(' ');
            name = space < 0 ? rest : rest.substring(0, space).strip();
            type = space < 0 ? null : rest.substring(space + 1);
        }
        if (name == null || name.isEmpty()) {
            throw error(line, "FILE names no file");
        }
        if (type == null) {
            throw error(line, "FILE \"" + name + "\" has no type (WAVE, MP3, AIFF, BINARY or MOTOROLA)");
        }
        if (fileName == null) {
            fileName = name;
            fileType = type.toUpperCase(Locale.ROOT);
        }
        currentFile = name;
    }

    private void track(Line line) throws MalformedCueSheetException {
        if (fileName == null) {
            throw error(line, "TRACK before any FILE");
        }
        String number = line.word();
        int value = number == null ? -1 : number(number);
        if (value < 1 || value > MAX_TRACK_NUMBER) {
            throw error(line, "TRACK needs a number from 1 to " + MAX_TRACK_NUMBER + ", not "
                    + (number == null ? "nothing" : number));
        }
        if (line.word() == null) {
            throw error(line, "TRACK " + number + " has no type (AUDIO)");
        }
        tracks.add(new TrackBuilder(line.number, value));
    }

    private void index(Line line, TrackBuilder track) throws MalformedCueSheetException {
        if (track == null) {
            throw error(line, "INDEX before any TRACK");
        }
        String number = line.word();
        int value = number == null ? -1 : number(number);
        if (value < 0 || value > MAX_INDEX_NUMBER) {
            throw error(line, "INDEX needs a number from 0 to " + MAX_INDEX_NUMBER + ", not "
                    + (number == null ? "nothing" : number));
        }
        String time = line.word();
        Matcher matcher = time == null ? null : TIME.matcher(time);
        if (matcher == null || !matcher.matches()) {
            throw error(line, "INDEX " + number + " needs a time mm:ss:ff, not " + (time == null ? "nothing" : time));
        }
        track.indexes.add(new RawIndex(line.number, value, Long.parseLong(matcher.group(1)),
                Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(3))));
        if (value == 1 || track.file == null) {
            track.file = currentFile;
        }
    }

    private static int number(String text) {
        return text.length() <= 3 && text.chars().allMatch(c -> c >= '0' && c <= '9') ? Integer.parseInt(text) : -1;
    }

    private MalformedCueSheetException error(Line line, String problem) {
        return new MalformedCueSheetException(source, line.number, problem);
    }

    /** An index as written, until the dialect says how to read its time. */
    private record RawIndex(int line, int number, long first, int second, int third) {
    }

    private final class TrackBuilder {
        private final int line;
        private final int number;
        private final List<RawIndex> indexes = new ArrayList<>();
        private String title;
        private String performer;
        private String file;

        TrackBuilder(int line, int number) {
            this.line = line;
            this.number = number;
        }

        ParsedTrack build(Dialect dialect) throws MalformedCueSheetException {
            List<ParsedIndex> parsed = new ArrayList<>();
            for (RawIndex index : indexes) {
                parsed.add(new ParsedIndex(index.line, index.number, frames(dialect, index)));
            }
            if (parsed.stream().noneMatch(index -> index.number() == 1)) {
                throw new MalformedCueSheetException(source, line, "TRACK " + number + " has no INDEX 01");
            }
            return new ParsedTrack(line, number, title, performer, file, parsed);
        }

        private long frames(Dialect dialect, RawIndex index) throws MalformedCueSheetException {
            if (dialect == Dialect.REKORDBOX) {
                if (index.second >= 60 || index.third >= 60) {
                    throw new MalformedCueSheetException(source, index.line,
                            "INDEX time is not hh:mm:ss (minutes and seconds below 60), as rekordbox writes it");
                }
                return ((index.first * 60 + index.second) * 60 + index.third) * CueTime.FRAMES_PER_SECOND;
            }
            if (index.second >= 60 || index.third >= CueTime.FRAMES_PER_SECOND) {
                throw new MalformedCueSheetException(source, index.line,
                        "INDEX time is not mm:ss:ff (seconds below 60, frames below 75)");
            }
            return (index.first * 60 + index.second) * CueTime.FRAMES_PER_SECOND + index.third;
        }
    }

    /** One line's words and values, read left to right. */
    private final class Line {
        private final String text;
        private final int number;
        private int position;

        Line(String text, int number) {
            this.text = text;
            this.number = number;
        }

        private void skipSpaces() {
            while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
                position++;
            }
        }

        boolean startsQuote() {
            skipSpaces();
            return position < text.length() && text.charAt(position) == '"';
        }

        /** @return the next word (up to a space), or null at the end of the line */
        String word() {
            skipSpaces();
            if (position >= text.length()) {
                return null;
            }
            int start = position;
            while (position < text.length() && !Character.isWhitespace(text.charAt(position))) {
                position++;
            }
            return text.substring(start, position);
        }

        /**
         * @return the next quoted value without its quotes, or else the rest of the line without its surrounding
         *     spaces; null at the end of the line
         * @throws MalformedCueSheetException if a quote opens and does not close on the line
         */
        String value() throws MalformedCueSheetException {
            skipSpaces();
            if (position >= text.length()) {
                return null;
            }
            if (text.charAt(position) == '"') {
                int close = text.indexOf('"', position + 1);
                if (close < 0) {
                    throw error(this, "a quote opens and does not close on the line");
                }
                String value = text.substring(position + 1, close);
                position = close + 1;
                return value;
            }
            String value = text.substring(position).strip();
            position = text.length();
            return value;
        }
    }
}
