package org.deckhand.settings.internal;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.osgi.service.metatype.AttributeDefinition;

/**
 * One setting of a configuration PID, as its Metatype attribute definition describes it: converts values between
 * their JSON form (number, boolean, string, or an array of them when the attribute holds several) and their form in a
 * {@code .cfg} file (text, several values comma-separated), and checks them against its type, its bounds and its
 * options, with errors in the words of the settings form: the setting's name for people, never its key.
 */
final class SettingField {

    private final AttributeDefinition definition;
    private final MetatypeBounds.Bounds bounds;

    /**
     * @param definition the Metatype attribute definition
     * @param bounds its {@code min} and {@code max}, from the bundle's Metatype file
     */
    SettingField(AttributeDefinition definition, MetatypeBounds.Bounds bounds) {
        this.definition = definition;
        this.bounds = bounds;
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

    /** @return the smallest value it takes, or null when any will do */
    Double min() {
        return bounds.min();
    }

    /** @return the largest value it takes, or null when any will do */
    Double max() {
        return bounds.max();
    }

    /**
     * @param json a value from a request: a number, a boolean, a string, or a list of them when the setting holds
     *     several
     * @return its text for a {@code .cfg} file
     * @throws IllegalArgumentException with a message for the user, naming the setting as the form does, if the
     *     value does not fit its type, its bounds or its options
     */
    String cfgText(Object json) {
        List<?> values = json instanceof List<?> list ? list : json == null ? List.of() : List.of(json);
        if (!multiple() && values.size() != 1) {
            throw invalid("takes one value");
        }
        List<String> texts = new ArrayList<>();
        for (Object value : values) {
            String text = text(value);
            checkBounds(value);
            checkOptions(text);
            String problem = definition.validate(text);
            if (problem != null && !problem.isEmpty()) {
                throw invalid("cannot be " + text + " (" + problem + ")");
            }
            if (multiple() && text.contains(",")) {
                throw invalid("cannot hold a comma in one of its values: " + text);
            }
            texts.add(text);
        }
        return String.join(",", texts);
    }

    private String text(Object value) {
        boolean whole = value instanceof Integer || value instanceof Long;
        boolean fits = switch (definition.getType()) {
            case AttributeDefinition.LONG, AttributeDefinition.INTEGER, AttributeDefinition.SHORT,
                    AttributeDefinition.BYTE -> whole;
            case AttributeDefinition.DOUBLE, AttributeDefinition.FLOAT -> value instanceof Number;
            case AttributeDefinition.BOOLEAN -> value instanceof Boolean;
            default -> value instanceof String;
        };
        if (!fits) {
            String kind = switch (definition.getType()) {
                case AttributeDefinition.LONG, AttributeDefinition.INTEGER, AttributeDefinition.SHORT,
                        AttributeDefinition.BYTE -> "a whole number";
                case AttributeDefinition.DOUBLE, AttributeDefinition.FLOAT -> "a number";
                case AttributeDefinition.BOOLEAN -> "on or off";
                default -> "text";
            };
            throw invalid("must be " + kind + (multiple() ? " in each value" : "") + ", not " + value);
        }
        return String.valueOf(value);
    }

    private void checkBounds(Object value) {
        if (!(value instanceof Number number)) {
            return;
        }
        double asked = number.doubleValue();
        Double min = bounds.min();
        Double max = bounds.max();
        if ((min != null && asked < min) || (max != null && asked > max)) {
            String range = min != null && max != null ? "from " + plain(min) + " to " + plain(max)
                    : min != null ? "at least " + plain(min) : "at most " + plain(max);
            throw invalid("must be " + range + ", not " + plain(asked));
        }
    }

    private void checkOptions(String text) {
        String[] options = definition.getOptionValues();
        if (options == null || options.length == 0 || Arrays.asList(options).contains(text)) {
            return;
        }
        String[] labels = definition.getOptionLabels();
        List<String> named = new ArrayList<>();
        for (int i = 0; i < options.length; i++) {
            named.add(labels != null && i < labels.length ? labels[i] : options[i]);
        }
        throw invalid("must be one of " + String.join(", ", named) + ", not " + text);
    }

    private static String plain(double number) {
        return number == Math.rint(number) && Math.abs(number) < 1e15 ? Long.toString((long) number)
                : Double.toString(number);
    }

    private IllegalArgumentException invalid(String problem) {
        return new IllegalArgumentException(definition.getName() + " " + problem + ".");
    }

    /** @return the definition, for its name, description and options */
    AttributeDefinition definition() {
        return definition;
    }
}
