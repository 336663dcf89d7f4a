package org.deckhand.notifier.internal.digest;

import java.util.Objects;
import java.util.Optional;
import org.deckhand.api.notify.Kind;
import org.deckhand.api.notify.Level;

/**
 * One thing worth telling, made from one event: on its own it becomes a message with its title and text; in a
 * burst it is counted in a digest under its group.
 *
 * @param kind the group of kinds it belongs to
 * @param level how much it matters
 * @param one its group's phrase for one, such as {@code track added}
 * @param many its group's phrase for several, such as {@code tracks added}
 * @param breakdown what it is counted under within its group, such as {@code FLAC}, if anything
 * @param item the name a digest lists among its first few, such as a file's name, if any
 * @param title the title of a message about it alone
 * @param text the text of a message about it alone
 * @param consolePath where the console shows it, such as {@code /tracks/12}
 */
public record Notice(Kind kind, Level level, String one, String many, Optional<String> breakdown,
        Optional<String> item, String title, String text, String consolePath) {

    /** @throws NullPointerException if any part is null */
    public Notice {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(one, "one");
        Objects.requireNonNull(many, "many");
        Objects.requireNonNull(breakdown, "breakdown");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(consolePath, "consolePath");
    }

    /** @return whether it skips the digest window: critical, or about security */
    public boolean urgent() {
        return level == Level.CRITICAL || kind == Kind.SECURITY;
    }
}
