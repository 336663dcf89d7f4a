package org.deckhand.settings.internal;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.osgi.service.metatype.AttributeDefinition;

/**
 * One setting of a configuration PID, as its Metatype attribute definition describes it: converts values between
 * their JSON form (number, boolean, string, or an array of them when the attribute holds several) and their form in a
 * {@code .cfg} file (text, several values comma-separated), and checks them.
 */
final class SettingField {

    private final AttributeDefinition definition;

    SettingField(AttributeDefinition definition) {
        this.definition = definition;
    }

    String id() {
        return definition.getID();
    }

    boolean multiple() {
        return definition.getCardinality() != 0;
    }

    /** @return the type's name: STRING, LONG, INTEGER, SHORT, CHARACTER, BYTE, DOUBLE, FLOAT, BOOLEAN or PASSWORD */
    String type() {
        return switch (definition.getType()) {
            case AttributeDefinition.LONG -> "LONG";
            case AttributeDefinition.INTEGER -> "INTEGER";
            case AttributeDefinition.SHORT -> "SHORT";
            case AttributeDefinition.CHARACTER -> "CHARACTER";
            case AttributeDefinition.BYTE -> "BYTE";
            case AttributeDefinition.DOUBLE -> "DOUBLE";
            case AttributeDefinition.FLOAT -> "FLOAT";
            case AttributeDefinition.BOOLEAN -> "BOOLEAN";
            case AttributeDefinition.PASSWORD -> "PASSWORD";
            default -> "STRING";
        };
    }

    /** @return the JSON form of the default value, or null when there is none */
    Object defaultValue() {
        String[] defaults = definition.getDefaultValue();
        return defaults == null ? null : json(Arrays.asList(defaults));
    }

    /**
     * @param configured the value Configuration Admin holds: a String, a number, a Boolean, an array or a collection
     * @return its JSON form
     */
    Object json(Object configured) {
        List<String> texts = new ArrayList<>();
        if (configured instanceof Object[] array) {
            Arrays.stream(array).map(String::valueOf).forEach(texts::add);
        } else if (configured instanceof Iterable<?> values) {
            values.forEach(value -> texts.add(String.valueOf(value)));
        } else if (configured != null && configured.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(configured); i++) {
                texts.add(String.valueOf(Array.get(configured, i)));
            }
        } else if (configured != null) {
            texts.add(String.valueOf(configured));
        }
        return json(texts);
    }

    private Object json(List<String> texts) {
        List<String> values = multiple() ? texts.stream().flatMap(text -> Arrays.stream(text.split(",")))
                .map(String::strip).filter(text -> !text.isEmpty()).toList() : texts;
        if (multiple()) {
            return values.stream().map(this::typed).toList();
        }
        return values.isEmpty() ? null : typed(values.get(0));
    }

    private Object typed(String text) {
        try {
            return switch (definition.getType()) {
                case AttributeDefinition.LONG, AttributeDefinition.INTEGER, AttributeDefinition.SHORT,
                        AttributeDefinition.BYTE -> Long.parseLong(text.strip());
                case AttributeDefinition.DOUBLE, AttributeDefinition.FLOAT -> Double.parseDouble(text.strip());
                case AttributeDefinition.BOOLEAN -> Boolean.parseBoolean(text.strip());
                default -> text;
            };
        } catch (NumberFormatException e) {
            return text;
        }
    }

    /**
     * @param json a value from a request: a number, a boolean, a string, or a list of them when the setting holds
     *     several
     * @return its text for a {@code .cfg} file
     * @throws IllegalArgumentException with a message for the user, naming the setting, if the value does not fit
     */
    String cfgText(Object json) {
        List<?> values = json instanceof List<?> list ? list : json == null ? List.of() : List.of(json);
        if (!multiple() && values.size() != 1) {
            throw invalid("takes one value");
        }
        List<String> texts = new ArrayList<>();
        for (Object value : values) {
            String text = text(value);
            String problem = definition.validate(text);
            if (problem != null && !problem.isEmpty()) {
                throw invalid(problem);
            }
            if (multiple() && text.contains(",")) {
                throw invalid("a value of a list cannot hold a comma: " + text);
            }
            texts.add(text);
        }
        return String.join(",", texts);
    }

    private String text(Object value) {
        boolean fits = switch (definition.getType()) {
            case AttributeDefinition.LONG, AttributeDefinition.INTEGER, AttributeDefinition.SHORT,
                    AttributeDefinition.BYTE -> value instanceof Integer || value instanceof Long;
            case AttributeDefinition.DOUBLE, AttributeDefinition.FLOAT -> value instanceof Number;
            case AttributeDefinition.BOOLEAN -> value instanceof Boolean;
            default -> value instanceof String;
        };
        if (!fits) {
            throw invalid("must be " + type().toLowerCase(Locale.ROOT).replace("password", "string")
                    + (multiple() ? " values" : "") + ", not " + value);
        }
        return String.valueOf(value);
    }

    private IllegalArgumentException invalid(String problem) {
        return new IllegalArgumentException(id() + " (" + definition.getName() + "): " + problem);
    }

    /** @return the definition, for its name, description and options */
    AttributeDefinition definition() {
        return definition;
    }
}
