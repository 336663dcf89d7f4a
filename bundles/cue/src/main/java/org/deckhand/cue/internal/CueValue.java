package org.deckhand.cue.internal;

/**
 * A text as a CUE sheet can hold it between its quotes. The format has no escape: a double quote becomes a
 * typographic one (U+201C where a quote opens: at the start or after a space or an opening bracket; U+201D
 * elsewhere); tabs, line breaks and the Unicode line and paragraph separators become spaces; other control
 * characters (C0, DEL, C1) and unpaired surrogates are removed; runs of spaces become one; the text is cut to
 * {@value #MAX_CODE_POINTS} characters, which keeps a line within metaflac's 4,096-byte line buffer in UTF-8.
 */
final class CueValue {

    /** The longest value written, in Unicode code points. */
    static final int MAX_CODE_POINTS = 1_000;

    private final String text;
    private final boolean shortened;

    private CueValue(String text, boolean shortened) {
        this.text = text;
        this.shortened = shortened;
    }

    /**
     * @param raw a title, a name or an address, or null
     * @return it as a sheet can hold it; its {@link #text()} is null when nothing printable is left
     */
    static CueValue of(String raw) {
        if (raw == null) {
            return new CueValue(null, false);
        }
        StringBuilder out = new StringBuilder(raw.length());
        int kept = 0;
        boolean shortened = false;
        for (int i = 0; i < raw.length();) {
            int c = raw.codePointAt(i);
            i += Character.charCount(c);
            if (kept == MAX_CODE_POINTS) {
                shortened = true;
                break;
            }
            if (c == '"') {
                out.append(opensQuote(out) ? '\u201C' : '\u201D');
            } else if (c == '\t' || c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029') {
                if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                    out.append(' ');
                }
                continue;
            } else if (Character.isISOControl(c) || Character.getType(c) == Character.SURROGATE) {
                continue;
            } else if (c == ' ' && out.length() > 0 && out.charAt(out.length() - 1) == ' ') {
                continue;
            } else {
                out.appendCodePoint(c);
            }
            kept++;
        }
        String text = out.toString().strip();
        return new CueValue(text.isEmpty() ? null : text, shortened);
    }

    private static boolean opensQuote(StringBuilder before) {
        if (before.length() == 0) {
            return true;
        }
        char previous = before.charAt(before.length() - 1);
        return Character.isWhitespace(previous) || "([{-/".indexOf(previous) >= 0;
    }

    /** @return the text, or null when nothing printable is left */
    String text() {
        return text;
    }

    /** @return whether it was cut to {@value #MAX_CODE_POINTS} characters */
    boolean shortened() {
        return shortened;
    }
}
