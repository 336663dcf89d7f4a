package org.deckhand.renamer.internal;

/** The values a template is rendered with: one track's fields, and the album context for {@code %aunique}. */
interface TemplateFields {

    /**
     * @param name a field name, such as {@code artist}
     * @return its value; empty when the track has no value for a known field; {@code null} when no such field exists
     */
    String value(String name);

    /**
     * @param name a field name
     * @return whether the track has a non-empty value for it ({@code %ifdef})
     */
    default boolean defined(String name) {
        String value = value(name);
        return value != null && !value.isEmpty();
    }

    /**
     * The disambiguation string of beets' {@code %aunique}: empty when no other album shares this track's album's
     * identifier values, else the first disambiguator field whose values differ across those albums, in brackets, or
     * a number in brackets when none does.
     *
     * @param identifiers the field names that name an album, space-separated, such as {@code albumartist album}
     * @param disambiguators the field names to try, space-separated, such as {@code year label}
     * @param brackets the opening and closing bracket, such as {@code []}; empty for none
     * @return the string to append, with a leading space, or empty
     */
    String albumUnique(String identifiers, String disambiguators, String brackets);
}
