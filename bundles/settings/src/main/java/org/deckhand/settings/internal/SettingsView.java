package org.deckhand.settings.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A configuration PID's settings, for a form.
 *
 * @param pid the configuration PID
 * @param name its name for people
 * @param description what it configures
 * @param bundle the symbolic name of the bundle that describes it
 * @param fields its settings
 */
public record SettingsView(String pid, String name, String description, String bundle, List<FieldView> fields) {

    /**
     * One setting.
     *
     * @param id its key in the configuration
     * @param name its name for people
     * @param description what it does
     * @param type STRING, LONG, INTEGER, SHORT, CHARACTER, BYTE, DOUBLE, FLOAT, BOOLEAN or PASSWORD
     * @param multiple whether it holds a list of values
     * @param options the values it may take, empty when any value of its type will do
     * @param min the smallest number it takes, or null when there is no lower bound
     * @param max the largest number it takes, or null when there is no upper bound
     * @param defaultValue its default: a number, a boolean, a string, a list of them, or null
     * @param value its value now, in the same form
     */
    public record FieldView(String id, String name, String description, String type, boolean multiple,
            List<Option> options, Double min, Double max, @JsonProperty("default") Object defaultValue,
            Object value) {

        static FieldView of(SettingField field, Object value) {
            String[] labels = field.definition().getOptionLabels();
            String[] values = field.definition().getOptionValues();
            List<Option> options = labels == null || values == null ? List.of()
                    : IntStream.range(0, Math.min(labels.length, values.length))
                            .mapToObj(i -> new Option(labels[i], values[i])).toList();
            return new FieldView(field.id(), field.definition().getName(), field.definition().getDescription(),
                    field.type(), field.multiple(), options, field.min(), field.max(), field.defaultValue(), value);
        }
    }

    /**
     * A value a setting may take.
     *
     * @param label its name for people
     * @param value the value
     */
    public record Option(String label, String value) {
    }
}
