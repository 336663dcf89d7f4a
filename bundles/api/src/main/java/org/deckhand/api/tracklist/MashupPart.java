package org.deckhand.api.tracklist;

/**
 * One of the tracks that a mashup entry puts together (1001Tracklists lists them as sub-rows of the mashup's row).
 * Every field but {@code title} may be {@code null} when the source does not give it.
 *
 * @param artist the part's artist, as the source writes it
 * @param title its title, without the remix
 * @param remix its remix or version, such as {@code Dosem Extended Mix}
 * @param label its record label
 */
public record MashupPart(String artist, String title, String remix, String label) {
}
