package org.deckhand.renamer.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The path formats, as beets' {@code paths:} setting has them: each rule is {@code query: template}, where the query
 * is in Deckhand's search language and {@code default} matches every track. A track takes the first rule whose query
 * matches it; a track that none matches keeps its path. Immutable.
 *
 * @param rules the rules in order
 */
record PathRules(List<Rule> rules) {

    /** The rule beets has by default, with Deckhand's extension kept by the file. */
    static final String DEFAULT_RULE = "default: $albumartist/$album%aunique{}/$track $title";

    PathRules {
        rules = List.copyOf(rules);
    }

    /**
     * One rule.
     *
     * @param query a query in Deckhand's search language, or {@code null} for {@code default}
     * @param template the template
     */
    record Rule(String query, Template template) {
        /** @return the rule as written */
        String written() {
            return (query == null ? "default" : query) + ": " + template.source();
        }
    }

    /**
     * @param lines rules written {@code query: template}, the query ending at the first {@code ": "}; a line without
     *     one is a template for every track
     * @return the rules
     * @throws IllegalArgumentException if there is no rule, or a template is malformed: the message names the rule
     *     and the character
     */
    static PathRules parse(List<String> lines) {
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            int split = line.indexOf(": ");
            String query = split < 0 ? "default" : line.substring(0, split).strip();
            String source = split < 0 ? line : line.substring(split + 2).strip();
            try {
                rules.add(new Rule(query.equals("default") ? null : query, Template.parse(source)));
            } catch (TemplateSyntaxException e) {
                throw new IllegalArgumentException("path rule " + (i + 1) + " (" + query + "), template '" + source
                        + "', " + e.getMessage(), e);
            }
        }
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("no path rule is given: write at least one, such as '" + DEFAULT_RULE
                    + "'");
        }
        return new PathRules(rules);
    }
}
