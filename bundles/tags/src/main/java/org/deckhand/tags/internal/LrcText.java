package org.deckhand.tags.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deckhand.api.library.Lyrics;

/**
 * Lyrics from text: LRC (the de facto format of synced lyrics: lines led by one or more time tags
 * {@code [mm:ss.xx]}, ID tags such as {@code [ar:Artist]} and {@code [offset:+500]}, and in "enhanced" LRC word
 * times {@code <mm:ss.xx>} inside a line, which are dropped), or plain lines when no line carries a time tag.
 */
final class LrcText {

    private static final Pattern TIME_TAG = Pattern.compile("\\[(\\d{1,3}):(\\d{1,2})(?:[.:](\\d{1,3}))?]");
    private static final Pattern ID_TAG = Pattern.compile("\\[([A-Za-z#]+):([^\\]]*)]\\s*");
    private static final Pattern WORD_TIME = Pattern.compile("<\\d{1,3}:\\d{1,2}(?:[.:]\\d{1,3})?>");
    private static final String UNKNOWN_LANGUAGE = "und";

    private LrcText() {
    }

    /**
     * @param text lyrics as a tag or an LRC file holds them
     * @param language the tagged language, null or blank when unknown
     * @return the lyrics, synced when a line carries a time tag; empty when the text holds no line of lyrics
     */
    static Optional<Lyrics> parse(String text, String language) {
        String lang = language == null || language.isBlank() ? UNKNOWN_LANGUAGE : language.strip();
        List<Lyrics.Line> timed = new ArrayList<>();
        List<Lyrics.Line> plain = new ArrayList<>();
        long offset = 0;
        String unmarked = text.startsWith("\uFEFF") ? text.substring(1) : text;
        for (String raw : unmarked.split("\\r\\n|\\r|\\n", -1)) {
            String line = raw.replace("\u0000", "").strip();
            Matcher id = ID_TAG.matcher(line);
            if (id.matches()) {
                if (id.group(1).equalsIgnoreCase("offset")) {
                    offset = offsetOf(id.group(2));
                }
                continue;
            }
            Matcher time = TIME_TAG.matcher(line);
            List<Long> starts = new ArrayList<>();
            int end = 0;
            while (time.find() && time.start() == end) {
                starts.add(millis(time));
                end = time.end();
            }
            String words = WORD_TIME.matcher(line.substring(end)).replaceAll("").strip();
            if (starts.isEmpty()) {
                plain.add(new Lyrics.Line(null, words));
            } else {
                starts.forEach(start -> timed.add(new Lyrics.Line(start, words)));
            }
        }
        if (!timed.isEmpty()) {
            timed.sort(Comparator.comparingLong(Lyrics.Line::startMillis));
            return Optional.of(new Lyrics(lang, true, offset, timed));
        }
        while (!plain.isEmpty() && plain.get(plain.size() - 1).text().isEmpty()) {
            plain.remove(plain.size() - 1);
        }
        while (!plain.isEmpty() && plain.get(0).text().isEmpty()) {
            plain.remove(0);
        }
        return plain.isEmpty() ? Optional.empty() : Optional.of(new Lyrics(lang, false, 0, plain));
    }

    private static long millis(Matcher time) {
        long minutes = Long.parseLong(time.group(1));
        long seconds = Long.parseLong(time.group(2));
        String fraction = time.group(3);
        long millis = fraction == null ? 0 : Long.parseLong((fraction + "00").substring(0, 3));
        return (minutes * 60 + seconds) * 1000 + millis;
    }

    private static long offsetOf(String value) {
        try {
            return Long.parseLong(value.strip().replace("+", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
