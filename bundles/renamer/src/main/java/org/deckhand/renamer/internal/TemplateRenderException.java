package org.deckhand.renamer.internal;

/** A template that parsed but cannot be rendered for one track, such as {@code %left{$title,$artist}}. */
final class TemplateRenderException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong, naming the function and its position
     */
    TemplateRenderException(String message) {
        super(message);
    }
}
