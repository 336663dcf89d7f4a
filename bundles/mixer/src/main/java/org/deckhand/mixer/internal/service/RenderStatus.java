package org.deckhand.mixer.internal.service;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A render of a whole mix into a file, as the API shows it.
 *
 * @param state {@code RUNNING}, {@code DONE} or {@code FAILED}
 * @param progress how much is done, 0 to 1 (an estimate while running)
 * @param file the audio file, an absolute path under the data folder's {@code renders/}
 * @param cueFile the CUE sheet beside it
 * @param error why it failed, or null
 */
public record RenderStatus(String state, double progress, String file, String cueFile,
        @JsonInclude(JsonInclude.Include.ALWAYS) String error) {
}
