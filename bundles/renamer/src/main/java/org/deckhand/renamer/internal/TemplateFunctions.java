package org.deckhand.renamer.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Renders a template's nodes: the functions of beets' path formats, with beets' semantics ("Template Functions" in
 * beets' reference, and its {@code beets/library} {@code DefaultTemplateFunctions}).
 */
final class TemplateFunctions {

    private static final Pattern ARTICLE = Pattern.compile("(?i)^(the|an?)\\s+(.+)$");
    private static final Pattern SEPARATORS = Pattern.compile("[/\\\\]");
    /** The fields that name an album for {@code %aunique} when its first argument is left out, as in beets. */
    static final String AUNIQUE_IDENTIFIERS = "albumartist album";
    /** The fields {@code %aunique} tells albums apart by when its second argument is left out, as in beets. */
    static final String AUNIQUE_DISAMBIGUATORS = "albumtype year label catalognum albumdisambig releasegroupdisambig";

    private TemplateFunctions() {
    }

    static void renderAll(List<Template.Node> nodes, TemplateFields fields, StringBuilder out) {
        for (Template.Node node : nodes) {
            if (node instanceof Template.Text text) {
                out.append(text.text());
            } else if (node instanceof Template.Field field) {
                String value = fields.value(field.name());
                out.append(value == null ? field.written() : SEPARATORS.matcher(value).replaceAll("_"));
            } else if (node instanceof Template.Call call) {
                out.append(call(call, fields));
            }
        }
    }

    private static String call(Template.Call call, TemplateFields fields) {
        String[] args = call.arguments().stream().map(arg -> {
            StringBuilder out = new StringBuilder();
            renderAll(arg, fields, out);
            return out.toString();
        }).toArray(String[]::new);
        return switch (call.name()) {
            case "upper" -> args[0].toUpperCase(Locale.ROOT);
            case "lower" -> args[0].toLowerCase(Locale.ROOT);
            case "capitalize" -> capitalize(args[0]);
            case "title" -> Arrays.stream(args[0].strip().split("\\s+")).map(TemplateFunctions::capitalize)
                    .collect(Collectors.joining(" "));
            case "left" -> left(args[0], count(call, args[1]));
            case "right" -> right(args[0], count(call, args[1]));
            case "if" -> truthy(args[0]) ? args[1] : arg(args, 2, "");
            case "ifdef" -> ifdef(fields, args);
            case "first" -> first(call, args);
            case "asciify" -> SEPARATORS.matcher(Asciify.of(args[0])).replaceAll("_");
            case "the" -> the(args[0]);
            case "aunique" -> fields.albumUnique(arg(args, 0, AUNIQUE_IDENTIFIERS),
                    arg(args, 1, AUNIQUE_DISAMBIGUATORS),
                    args.length > 2 ? args[2] : "[]");
            default -> throw new IllegalStateException("no function %" + call.name());
        };
    }

    private static String ifdef(TemplateFields fields, String[] args) {
        String name = args[0].strip();
        if (args.length == 1) {
            return fields.defined(name) ? fields.value(name) : "";
        }
        return fields.defined(name) ? args[1] : arg(args, 2, "");
    }

    /** beets' {@code %first{text,count,skip,sep,join}}: defaults 1, 0, {@code "; "}, {@code "; "}. */
    private static String first(Template.Call call, String[] args) {
        int count = args.length > 1 ? count(call, args[1]) : 1;
        int skip = args.length > 2 ? count(call, args[2]) : 0;
        String separator = arg(args, 3, "; ");
        String join = arg(args, 4, "; ");
        List<String> items = Arrays.asList(args[0].split(Pattern.quote(separator), -1));
        int from = Math.min(skip, items.size());
        int to = Math.min(from + count, items.size());
        return String.join(join, items.subList(from, to));
    }

    /** beets' {@code %the}: "The Beatles" becomes "Beatles, The"; "A" and "An" likewise. */
    private static String the(String text) {
        Matcher matcher = ARTICLE.matcher(text.strip());
        return matcher.matches() ? matcher.group(2) + ", " + matcher.group(1) : text;
    }

    /** beets' truth of a condition: empty, {@code false} (any case) and a whole number 0 are false. */
    private static boolean truthy(String condition) {
        String value = condition.strip();
        try {
            return Integer.parseInt(value) != 0;
        } catch (NumberFormatException e) {
            return !value.isEmpty() && !value.equalsIgnoreCase("false");
        }
    }

    private static String capitalize(String word) {
        if (word.isEmpty()) {
            return word;
        }
        int first = word.offsetByCodePoints(0, 1);
        return word.substring(0, first).toUpperCase(Locale.ROOT) + word.substring(first).toLowerCase(Locale.ROOT);
    }

    private static String left(String text, int count) {
        int length = text.codePointCount(0, text.length());
        return count >= length ? text : text.substring(0, text.offsetByCodePoints(0, Math.max(count, 0)));
    }

    private static String right(String text, int count) {
        int length = text.codePointCount(0, text.length());
        return count >= length ? text : text.substring(text.offsetByCodePoints(0, length - Math.max(count, 0)));
    }

    private static int count(Template.Call call, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new TemplateRenderException("%" + call.name() + " at character " + call.position()
                    + " wants a whole number, and got '" + value + "'");
        }
    }

    private static String arg(String[] args, int index, String fallback) {
        return args.length > index ? args[index] : fallback;
    }
}
