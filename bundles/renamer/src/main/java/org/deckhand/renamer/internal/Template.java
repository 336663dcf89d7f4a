package org.deckhand.renamer.internal;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed path template in beets' path-format syntax: literal text, {@code $field} and {@code ${field}}, and
 * function calls {@code %name{arg,arg}}; {@code $$}, {@code $%}, {@code $,} and {@code $}} escape the special
 * characters. An unknown field stays as written ({@code $foo}) and an unknown function too, as beets does. Immutable
 * and thread-safe.
 *
 * <p>Source: beets' {@code beets/util/functemplate.py} and its path-format documentation ("Path Formats", "Template
 * Functions").
 */
final class Template {

    /** The functions and the number of arguments each takes, at least and at most. */
    static final Map<String, int[]> FUNCTIONS = Map.ofEntries(
            Map.entry("upper", new int[] {1, 1}), Map.entry("lower", new int[] {1, 1}),
            Map.entry("title", new int[] {1, 1}), Map.entry("capitalize", new int[] {1, 1}),
            Map.entry("left", new int[] {2, 2}), Map.entry("right", new int[] {2, 2}),
            Map.entry("if", new int[] {2, 3}), Map.entry("ifdef", new int[] {1, 3}),
            Map.entry("first", new int[] {1, 5}), Map.entry("asciify", new int[] {1, 1}),
            Map.entry("the", new int[] {1, 1}), Map.entry("aunique", new int[] {0, 3}));

    private final String source;
    private final List<Node> nodes;

    Template(String source, List<Node> nodes) {
        this.source = source;
        this.nodes = List.copyOf(nodes);
    }

    /**
     * @param source a template
     * @return it parsed
     * @throws TemplateSyntaxException if it is empty, or a call or a braced field is never closed, or a function gets
     *     too few or too many arguments, or a count argument is not a whole number
     */
    static Template parse(String source) throws TemplateSyntaxException {
        return new TemplateParser(source).parse();
    }

    /**
     * Renders the template. A field's value has its {@code /} and {@code \} replaced by {@code _}, so that only the
     * template's own {@code /} separate folders, as in beets.
     *
     * @param fields the track's values
     * @return the text, whose {@code /} separate folder names
     * @throws TemplateRenderException if a count argument renders as something other than a whole number
     */
    String render(TemplateFields fields) {
        StringBuilder out = new StringBuilder();
        TemplateFunctions.renderAll(nodes, fields, out);
        return out.toString();
    }

    /**
     * The fields that this template's {@code %aunique} calls compare albums by, so that the album index keeps only
     * those of each album.
     *
     * @return the identifier and disambiguator fields named (beets' defaults where an argument is left out); empty
     *     when the template has no {@code %aunique}; {@code null} when an argument holds a field or call, so that
     *     its fields are only known when rendered
     */
    Set<String> albumFields() {
        Set<String> names = new HashSet<>();
        return collectAlbumFields(nodes, names) ? names : null;
    }

    private static boolean collectAlbumFields(List<Node> nodes, Set<String> names) {
        for (Node node : nodes) {
            if (node instanceof Call call) {
                if (call.name().equals("aunique")) {
                    for (int i = 0; i < 2; i++) {
                        String written = i < call.arguments().size() ? literal(call.arguments().get(i))
                                : i == 0 ? TemplateFunctions.AUNIQUE_IDENTIFIERS
                                : TemplateFunctions.AUNIQUE_DISAMBIGUATORS;
                        if (written == null) {
                            return false;
                        }
                        Arrays.stream(written.strip().split("\\s+")).filter(w -> !w.isEmpty()).forEach(names::add);
                    }
                }
                for (List<Node> argument : call.arguments()) {
                    if (!collectAlbumFields(argument, names)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private static String literal(List<Node> argument) {
        StringBuilder text = new StringBuilder();
        for (Node node : argument) {
            if (!(node instanceof Text part)) {
                return null;
            }
            text.append(part.text());
        }
        return text.toString();
    }

    /**
     * @return the template as written
     */
    String source() {
        return source;
    }

    @Override
    public String toString() {
        return source;
    }

    /** A part of a template. */
    sealed interface Node permits Text, Field, Call {
    }

    /** Literal text. */
    record Text(String text) implements Node {
    }

    /** A field, with the text it was written as, shown when the field is unknown. */
    record Field(String name, String written) implements Node {
    }

    /** A call of a known function; each argument is a list of nodes; {@code position} is 1-based. */
    record Call(String name, List<List<Node>> arguments, int position) implements Node {
        Call {
            arguments = List.copyOf(arguments);
        }
    }
}
