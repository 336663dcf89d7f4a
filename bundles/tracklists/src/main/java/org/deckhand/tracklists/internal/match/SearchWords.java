package org.deckhand.tracklists.internal.match;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The words of a name worth searching for: folded, two letters or more, without the words every title has. */
final class SearchWords {

    private static final Set<String> COMMON = Set.of("the", "a", "an", "of", "and", "feat", "ft", "featuring", "vs",
            "x", "mix", "remix", "original", "extended", "edit", "version", "id", "in", "on", "to", "de", "la", "le");

    private SearchWords() {
    }

    /**
     * @param name an artist or title, or null
     * @return its words, in order, each once
     */
    static List<String> of(String name) {
        Set<String> words = new LinkedHashSet<>();
        for (String word : Names.fold(name).split(" ")) {
            if (word.length() >= 2 && !COMMON.contains(word)) {
                words.add(word);
            }
        }
        return List.copyOf(words);
    }
}
