package org.deckhand.tags.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deckhand.api.library.ReplayGain;

/**
 * Reads ReplayGain values from the user-defined fields REPLAYGAIN_TRACK_GAIN, REPLAYGAIN_TRACK_PEAK,
 * REPLAYGAIN_ALBUM_GAIN and REPLAYGAIN_ALBUM_PEAK (ReplayGain 1.0 "Metadata format" and 2.0 specification: Vorbis
 * comments, ID3v2 TXXX frames, MP4 freeform atoms). Gains are written like {@code "-6.50 dB"}, peaks like
 * {@code "0.988312"}.
 */
final class ReplayGainMapper {

    private static final Pattern DECIMAL = Pattern.compile("^\\s*([+-]?(?:\\d+(?:[.,]\\d*)?|[.,]\\d+))");

    private ReplayGainMapper() {
    }

    /**
     * @param values the tag's values
     * @return the ReplayGain values; {@link ReplayGain#NONE} when the tag holds none
     */
    static ReplayGain map(TagValues values) {
        ReplayGain gain = new ReplayGain(
                decimal(values.user("REPLAYGAIN_TRACK_GAIN")),
                decimal(values.user("REPLAYGAIN_TRACK_PEAK")),
                decimal(values.user("REPLAYGAIN_ALBUM_GAIN")),
                decimal(values.user("REPLAYGAIN_ALBUM_PEAK")));
        return gain.equals(ReplayGain.NONE) ? ReplayGain.NONE : gain;
    }

    /** @return the number at the start of "-6.5 dB", "+1,2 dB" or "0.98", else null */
    static Double decimal(String value) {
        if (value == null) {
            return null;
        }
        Matcher matcher = DECIMAL.matcher(value);
        if (!matcher.find()) {
            return null;
        }
        double number = Double.parseDouble(matcher.group(1).replace(',', '.'));
        return Double.isFinite(number) ? number : null;
    }
}
