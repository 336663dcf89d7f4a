package org.deckhand.api.cue;

import java.io.IOException;

/** A CUE sheet that cannot be read: the message names the sheet, the line and what is wrong there. */
public class MalformedCueSheetException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;

    /**
     * @param source the sheet's file or name
     * @param line the line at fault, from 1, or 0 for the sheet as a whole
     * @param problem what is wrong
     */
    public MalformedCueSheetException(String source, int line, String problem) {
        super(source + (line > 0 ? ", line " + line : "") + ": " + problem);
        this.source = source;
        this.line = line;
    }

    /** @return the sheet's file or name */
    public String source() {
        return source;
    }

    /** @return the line at fault, from 1, or 0 for the sheet as a whole */
    public int line() {
        return line;
    }
}
