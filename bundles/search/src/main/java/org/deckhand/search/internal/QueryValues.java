package org.deckhand.search.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deckhand.api.search.QuerySyntaxException;

/** Readers of the numeric values the query language accepts: plain numbers, durations and ages. */
final class QueryValues {

    private static final Pattern NUMBER = Pattern.compile("-?(\\d+(\\.\\d*)?|\\.\\d+)");
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,9}");
    private static final Pattern DURATION = Pattern.compile(
            "(?:(\\d+(?:\\.\\d+)?)h)?(?:(\\d+(?:\\.\\d+)?)m)?(?:(\\d+(?:\\.\\d+)?)s?)?");
    private static final Pattern AGE = Pattern.compile("(\\d+(?:\\.\\d+)?)([hdw])");
    private static final double SECONDS_PER_MINUTE = 60;
    private static final double SECONDS_PER_HOUR = 3600;
    private static final double MILLIS_PER_HOUR = 3_600_000;
    private static final double HOURS_PER_DAY = 24;
    private static final double DAYS_PER_WEEK = 7;

    private QueryValues() {
    }

    /**
     * @param field the field's name, for the message
     * @param example what the field takes, for the message
     * @return a reader of decimal numbers such as {@code 124} or {@code 0.35}
     */
    static ValueReader decimal(String field, String example) {
        return (text, position) -> {
            if (!NUMBER.matcher(text).matches()) {
                throw notA(field, example, text, position);
            }
            return Double.parseDouble(text);
        };
    }

    /**
     * @param field the field's name, for the message
     * @param example what the field takes, for the message
     * @return a reader of whole numbers such as {@code 1995}
     */
    static ValueReader integer(String field, String example) {
        return (text, position) -> {
            if (!INTEGER.matcher(text).matches()) {
                throw notA(field, example, text, position);
            }
            return Integer.parseInt(text);
        };
    }

    /**
     * @param field the field's name, for the message
     * @param example what the field takes, for the message
     * @return a reader of durations in seconds: {@code 6m}, {@code 90s}, {@code 5m30s}, {@code 1h} or plain seconds
     */
    static ValueReader duration(String field, String example) {
        return (text, position) -> {
            Matcher matcher = DURATION.matcher(text);
            if (text.isEmpty() || !matcher.matches()) {
                throw notA(field, example, text, position);
            }
            return part(matcher.group(1)) * SECONDS_PER_HOUR + part(matcher.group(2)) * SECONDS_PER_MINUTE
                    + part(matcher.group(3));
        };
    }

    /**
     * @param field the field's name, for the message
     * @param example what the field takes, for the message
     * @return a reader of ages in milliseconds: {@code 12h}, {@code 7d} or {@code 2w}
     */
    static ValueReader age(String field, String example) {
        return (text, position) -> {
            Matcher matcher = AGE.matcher(text);
            if (!matcher.matches()) {
                throw notA(field, example, text, position);
            }
            double hoursPerUnit = switch (matcher.group(2)) {
                case "d" -> HOURS_PER_DAY;
                case "w" -> HOURS_PER_DAY * DAYS_PER_WEEK;
                default -> 1;
            };
            return Double.parseDouble(matcher.group(1)) * hoursPerUnit * MILLIS_PER_HOUR;
        };
    }

    private static double part(String group) {
        return group == null ? 0 : Double.parseDouble(group);
    }

    private static QuerySyntaxException notA(String field, String example, String text, int position) {
        return QueryErrors.at(position, "'%s' takes %s; '%s' is not one", field, example, text);
    }
}
