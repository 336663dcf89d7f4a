package org.deckhand.subsonic.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The parameters of one request, from its query string or its {@code application/x-www-form-urlencoded} body (the
 * {@code formPost} extension), with the checks every endpoint needs: a missing required parameter is error 10, a
 * malformed one error 0, each naming the parameter.
 */
final class Params {

    private final Map<String, String[]> values;

    /** @param values the values by name, as {@code ServletRequest.getParameterMap()} gives them */
    Params(Map<String, String[]> values) {
        this.values = values;
    }

    /**
     * @param name a parameter's name
     * @return its first value, or null when absent or empty
     */
    String get(String name) {
        String[] given = values.get(name);
        if (given == null || given.length == 0 || given[0].isEmpty()) {
            return null;
        }
        return given[0];
    }

    /**
     * @param name a parameter's name
     * @return every value it was given, in order; empty when absent
     */
    List<String> all(String name) {
        String[] given = values.get(name);
        return given == null ? List.of() : Arrays.stream(given).filter(v -> !v.isEmpty()).toList();
    }

    /**
     * @param name a parameter's name
     * @return its value
     * @throws SubsonicException code 10 when it is absent
     */
    String required(String name) throws SubsonicException {
        String value = get(name);
        if (value == null) {
            throw new SubsonicException(SubsonicException.MISSING_PARAMETER, "Required parameter is missing: " + name);
        }
        return value;
    }

    /**
     * @param name a parameter's name
     * @param fallback the value when it is absent
     * @param min the smallest value allowed
     * @param max the largest value allowed
     * @return its value as an integer
     * @throws SubsonicException code 0 when it is not an integer in {@code min..max}
     */
    int integer(String name, int fallback, int min, int max) throws SubsonicException {
        String value = get(name);
        if (value == null) {
            return fallback;
        }
        long parsed;
        try {
            parsed = Long.parseLong(value.strip());
        } catch (NumberFormatException notANumber) {
            throw new SubsonicException(SubsonicException.GENERIC,
                    "Parameter " + name + " must be an integer, not '" + value + "'");
        }
        if (parsed < min || parsed > max) {
            throw new SubsonicException(SubsonicException.GENERIC,
                    "Parameter " + name + " must lie in " + min + ".." + max + ", not " + parsed);
        }
        return (int) parsed;
    }

    /**
     * @param name a parameter's name
     * @return its value as an integer
     * @throws SubsonicException code 10 when absent, 0 when not an integer in {@code min..max}
     */
    int requiredInteger(String name, int min, int max) throws SubsonicException {
        required(name);
        return integer(name, 0, min, max);
    }

    /**
     * @param name a parameter's name
     * @param fallback the value when absent
     * @return its value as a long
     * @throws SubsonicException code 0 when it is not an integer at least 0
     */
    long nonNegativeLong(String name, long fallback) throws SubsonicException {
        String value = get(name);
        if (value == null) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value.strip());
            if (parsed >= 0) {
                return parsed;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new SubsonicException(SubsonicException.GENERIC,
                "Parameter " + name + " must be a whole number from 0, not '" + value + "'");
    }

    /**
     * @param name a parameter's name
     * @param fallback the value when absent
     * @return whether it is {@code true}
     * @throws SubsonicException code 0 when it is neither {@code true} nor {@code false}
     */
    boolean bool(String name, boolean fallback) throws SubsonicException {
        String value = get(name);
        if (value == null) {
            return fallback;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw new SubsonicException(SubsonicException.GENERIC,
                "Parameter " + name + " must be true or false, not '" + value + "'");
    }
}
