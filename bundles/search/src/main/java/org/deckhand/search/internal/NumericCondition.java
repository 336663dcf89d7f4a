package org.deckhand.search.internal;

import org.deckhand.api.search.QuerySyntaxException;

/**
 * A condition on a numeric field as typed: an exact value ({@code 124}), an inclusive range ({@code 120..128},
 * open {@code 120..} or {@code ..128}) or a comparison ({@code >120}, {@code >=120}, {@code <128},
 * {@code <=128}). A missing bound is null.
 *
 * @param low the lower bound, or null
 * @param lowInclusive whether the lower bound itself matches
 * @param high the upper bound, or null
 * @param highInclusive whether the upper bound itself matches
 * @param exact whether the condition is a single value ({@code low} and {@code high} are then equal)
 */
record NumericCondition(Double low, boolean lowInclusive, Double high, boolean highInclusive, boolean exact) {

    private static final String RANGE = "..";

    /**
     * @param text the value as typed after the field's colon
     * @param position the 0-based offset of the value in the query
     * @param reader reads one bound in the field's unit
     * @return the condition
     * @throws QuerySyntaxException if a bound is malformed, both bounds are missing, or the range is empty
     */
    static NumericCondition parse(String text, int position, ValueReader reader) throws QuerySyntaxException {
        if (text.startsWith(">=")) {
            return new NumericCondition(reader.read(text.substring(2), position + 2), true, null, false, false);
        }
        if (text.startsWith("<=")) {
            return new NumericCondition(null, false, reader.read(text.substring(2), position + 2), true, false);
        }
        if (text.startsWith(">")) {
            return new NumericCondition(reader.read(text.substring(1), position + 1), false, null, false, false);
        }
        if (text.startsWith("<")) {
            return new NumericCondition(null, false, reader.read(text.substring(1), position + 1), false, false);
        }
        int dots = text.indexOf(RANGE);
        if (dots < 0) {
            double value = reader.read(text, position);
            return new NumericCondition(value, true, value, true, true);
        }
        String lowText = text.substring(0, dots);
        String highText = text.substring(dots + RANGE.length());
        if (lowText.isEmpty() && highText.isEmpty()) {
            throw QueryErrors.at(position, "the range '..' needs a bound on at least one side");
        }
        Double low = lowText.isEmpty() ? null : reader.read(lowText, position);
        Double high = highText.isEmpty() ? null : reader.read(highText, position + dots + RANGE.length());
        if (low != null && high != null && low > high) {
            throw QueryErrors.at(position, "the range '%s' is empty: write the smaller bound first", text);
        }
        return new NumericCondition(low, true, high, true, false);
    }

    /**
     * @param tolerance how far from an exact value still matches
     * @return this condition with an exact value widened to {@code value ± tolerance}, inclusive
     */
    NumericCondition widenExact(double tolerance) {
        return exact ? new NumericCondition(low - tolerance, true, high + tolerance, true, false) : this;
    }

    /**
     * @param origin the point values are measured back from, such as now for ages
     * @return the condition on {@code origin - value}: an age range becomes a range of instants
     */
    NumericCondition measuredBackFrom(double origin) {
        Double newLow = high == null ? null : origin - high;
        Double newHigh = low == null ? null : origin - low;
        return new NumericCondition(newLow, highInclusive, newHigh, lowInclusive, exact);
    }

    /** @return the smallest double that matches */
    double lowestDouble() {
        if (low == null) {
            return Double.NEGATIVE_INFINITY;
        }
        return lowInclusive ? low : Math.nextUp(low.doubleValue());
    }

    /** @return the largest double that matches */
    double highestDouble() {
        if (high == null) {
            return Double.POSITIVE_INFINITY;
        }
        return highInclusive ? high : Math.nextDown(high.doubleValue());
    }

    /** @return the smallest whole number that matches */
    long lowestLong() {
        if (low == null) {
            return Long.MIN_VALUE;
        }
        long floor = (long) Math.floor(low);
        return floor == low && lowInclusive ? floor : floor + 1;
    }

    /** @return the largest whole number that matches */
    long highestLong() {
        if (high == null) {
            return Long.MAX_VALUE;
        }
        long ceiling = (long) Math.ceil(high);
        return ceiling == high && highInclusive ? ceiling : ceiling - 1;
    }
}
