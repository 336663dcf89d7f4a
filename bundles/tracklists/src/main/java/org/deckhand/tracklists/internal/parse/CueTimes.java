package org.deckhand.tracklists.internal.parse;

/** Cue times as tracklists write them. */
public final class CueTimes {

    private CueTimes() {
    }

    /**
     * @param text MixesDB's minutes ({@code 05}, {@code 143}), or a clock time ({@code 12:34}, {@code 1:02:03});
     *     a {@code ?} in it makes it unknown
     * @return the time in seconds, or {@code null} when unknown
     */
    public static Double minutesOrClock(String text) {
        if (text.contains("?")) {
            return null;
        }
        String[] parts = text.split(":");
        long seconds = 0;
        if (parts.length == 1) {
            return (double) (Long.parseLong(parts[0]) * 60);
        }
        for (String part : parts) {
            seconds = seconds * 60 + Long.parseLong(part);
        }
        return (double) seconds;
    }

    /**
     * @param isoDuration an ISO 8601 duration as schema.org writes it, such as {@code PT4M55S} or {@code PT1H2M}
     * @return the seconds, or {@code null} when it is not one
     */
    public static Double isoDuration(String isoDuration) {
        if (isoDuration == null || isoDuration.isBlank()) {
            return null;
        }
        try {
            return (double) java.time.Duration.parse(isoDuration.strip()).toSeconds();
        } catch (java.time.format.DateTimeParseException notADuration) {
            return null;
        }
    }
}
