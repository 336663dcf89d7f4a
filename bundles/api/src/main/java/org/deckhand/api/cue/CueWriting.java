package org.deckhand.api.cue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * A written CUE sheet.
 *
 * @param text the sheet, lines ending in CR LF
 * @param sheet what it says, as a reader reads it back
 * @param problems what it could not say as the draft gave it, by entry, in order
 */
public record CueWriting(String text, CueSheet sheet, List<CueProblem> problems) {

    /** @throws NullPointerException if any part is null */
    public CueWriting {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(sheet, "sheet");
        problems = List.copyOf(problems);
    }

    /** @return the sheet's bytes as it is saved: UTF-8 without a byte-order mark */
    public byte[] bytes() {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
