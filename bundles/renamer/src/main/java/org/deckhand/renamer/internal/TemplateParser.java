package org.deckhand.renamer.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses beets' path-format syntax (see {@link Template}) by recursive descent. Where beets silently keeps a broken
 * construct as text, this parser names it: an unclosed {@code %name{} or {@code ${}, a wrong number of arguments.
 */
final class TemplateParser {

    private final String source;
    private int pos;

    TemplateParser(String source) {
        this.source = source == null ? "" : source;
    }

    Template parse() throws TemplateSyntaxException {
        if (source.isBlank()) {
            throw new TemplateSyntaxException(1, "the template is empty");
        }
        List<Template.Node> nodes = expression(false);
        return new Template(source, nodes);
    }

    /** Parses until the end, or, inside an argument, until an unescaped {@code ,} or {@code }}. */
    private List<Template.Node> expression(boolean inArgument) throws TemplateSyntaxException {
        List<Template.Node> nodes = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        while (pos < source.length()) {
            char c = source.charAt(pos);
            if (inArgument && (c == ',' || c == '}')) {
                break;
            }
            if (c == '$' && pos + 1 < source.length() && "$%,}".indexOf(source.charAt(pos + 1)) >= 0) {
                text.append(source.charAt(pos + 1));
                pos += 2;
            } else if (c == '$') {
                Template.Node field = field();
                flush(text, nodes);
                nodes.add(field);
            } else if (c == '%') {
                Template.Node call = call();
                flush(text, nodes);
                nodes.add(call);
            } else {
                text.append(c);
                pos++;
            }
        }
        flush(text, nodes);
        return nodes;
    }

    private Template.Node field() throws TemplateSyntaxException {
        int start = pos;
        pos++;
        if (pos < source.length() && source.charAt(pos) == '{') {
            int close = source.indexOf('}', pos);
            if (close < 0) {
                throw new TemplateSyntaxException(start + 1, "${ is never closed by }");
            }
            String name = source.substring(pos + 1, close);
            if (!isIdentifier(name)) {
                throw new TemplateSyntaxException(start + 1, "${" + name + "} is not a field name (letters, digits, _)");
            }
            pos = close + 1;
            return new Template.Field(name, source.substring(start, pos));
        }
        int end = identifierEnd(pos);
        if (end == pos) {
            return new Template.Text("$");
        }
        String name = source.substring(pos, end);
        pos = end;
        return new Template.Field(name, "$" + name);
    }

    private Template.Node call() throws TemplateSyntaxException {
        int start = pos;
        int end = identifierEnd(pos + 1);
        String name = source.substring(pos + 1, end);
        if (end == pos + 1 || end >= source.length() || source.charAt(end) != '{'
                || !Template.FUNCTIONS.containsKey(name)) {
            return unknownCall(start, end);
        }
        pos = end + 1;
        List<List<Template.Node>> arguments = new ArrayList<>();
        while (true) {
            arguments.add(expression(true));
            if (pos >= source.length()) {
                throw new TemplateSyntaxException(start + 1, "%" + name + "{ is never closed by }");
            }
            char c = source.charAt(pos++);
            if (c == '}') {
                break;
            }
        }
        if (arguments.size() == 1 && arguments.get(0).isEmpty()) {
            arguments.clear();
        }
        int[] range = Template.FUNCTIONS.get(name);
        if (arguments.size() < range[0] || arguments.size() > range[1]) {
            throw new TemplateSyntaxException(start + 1, "%" + name + " takes " + (range[0] == range[1]
                    ? range[0] + "" : range[0] + " to " + range[1]) + " arguments, not " + arguments.size());
        }
        if (name.equals("left") || name.equals("right")) {
            requireWholeNumber(name, arguments.get(1), start);
        }
        return new Template.Call(name, arguments, start + 1);
    }

    /**
     * Beets keeps a call of a function it does not know, or a {@code %} not followed by a call, as text; so does
     * this parser, but the braces of an unknown call are read as text up to their close, so that {@code %foo{bar}}
     * comes out whole.
     */
    private Template.Node unknownCall(int start, int end) throws TemplateSyntaxException {
        if (end < source.length() && source.charAt(end) == '{' && end > start + 1) {
            int close = source.indexOf('}', end);
            if (close < 0) {
                throw new TemplateSyntaxException(start + 1, source.substring(start, end + 1)
                        + " is never closed by }");
            }
            pos = close + 1;
            return new Template.Text(source.substring(start, pos));
        }
        pos = start + 1;
        return new Template.Text("%");
    }

    private void requireWholeNumber(String name, List<Template.Node> argument, int start)
            throws TemplateSyntaxException {
        if (argument.size() == 1 && argument.get(0) instanceof Template.Text text) {
            try {
                Integer.parseInt(text.text().strip());
            } catch (NumberFormatException e) {
                throw new TemplateSyntaxException(start + 1, "%" + name + " wants a whole number of characters as "
                        + "its second argument, not '" + text.text() + "'");
            }
        }
    }

    private int identifierEnd(int from) {
        int end = from;
        while (end < source.length() && isIdentifierChar(source.charAt(end))) {
            end++;
        }
        return end;
    }

    private static boolean isIdentifier(String name) {
        return !name.isEmpty() && name.chars().allMatch(c -> isIdentifierChar((char) c));
    }

    private static boolean isIdentifierChar(char c) {
        return c == '_' || c < 128 && Character.isLetterOrDigit(c);
    }

    private static void flush(StringBuilder text, List<Template.Node> nodes) {
        if (!text.isEmpty()) {
            nodes.add(new Template.Text(text.toString()));
            text.setLength(0);
        }
    }
}
