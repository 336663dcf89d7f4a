package org.deckhand.api.analysis;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One value an analyser returns.
 *
 * @param name the field's name, lower camel case such as {@code zeroCrossingRate}; searchable as
 *     {@code analyserId.name}
 * @param type the type of its values
 * @param unit the unit of a number, such as {@code BPM}, {@code Hz}, {@code LUFS}, {@code dB}, {@code s}, or an empty
 *     string for a plain number or a text
 * @param description one sentence for the user, shown beside the value
 */
public record ResultField(String name, ValueType type, String unit, String description) {

    private static final Pattern NAME = Pattern.compile("[a-z][A-Za-z0-9]{0,63}");

    /**
     * @throws NullPointerException if any argument is null
     * @throws IllegalArgumentException if {@code name} is not lower camel case
     */
    public ResultField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(description, "description");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("result field name must match " + NAME + ": " + name);
        }
    }
}
