package org.deckhand.api.analysis;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What an analyser declares about itself.
 *
 * @param id stable identifier, lower case letters, digits, dots and dashes, such as {@code tempo} or
 *     {@code com.example.zcr}; results are stored and searched under it
 * @param version version of the algorithm; when it changes the pipeline runs the analyser again over every track
 * @param format the sample rate (Hz) and channel count the analyser wants; the pipeline resamples and downmixes
 * @param fields the values the analyser returns, with their types and units
 * @param unclipped whether the analyser wants the samples as the codec produced them, beyond [-1, 1] where a lossy
 *     encoder overshot full scale (see {@link org.deckhand.api.audio.AudioDecoder#openUnclipped}), as a loudness or
 *     true peak meter does; false gives samples clipped to [-1, 1], as a player would play them
 */
public record AnalyserDescriptor(String id, String version, PcmFormat format, List<ResultField> fields,
        boolean unclipped) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9.\\-]{0,63}");

    /**
     * @throws NullPointerException if any argument is null
     * @throws IllegalArgumentException if {@code id} is not of the form above, {@code version} is blank, or two fields
     *     share a name
     */
    public AnalyserDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(format, "format");
        fields = List.copyOf(fields);
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("analyser id must match " + ID + ": " + id);
        }
        if (version.isBlank()) {
            throw new IllegalArgumentException("analyser " + id + " has a blank version");
        }
        if (fields.stream().map(ResultField::name).distinct().count() != fields.size()) {
            throw new IllegalArgumentException("analyser " + id + " declares a field name twice: " + fields);
        }
    }

    /**
     * An analyser that wants samples clipped to [-1, 1], as most do.
     *
     * @param id stable identifier, as above
     * @param version version of the algorithm
     * @param format the sample rate (Hz) and channel count the analyser wants
     * @param fields the values the analyser returns
     * @throws NullPointerException if any argument is null
     * @throws IllegalArgumentException if {@code id} is not of the form above, {@code version} is blank, or two fields
     *     share a name
     */
    public AnalyserDescriptor(String id, String version, PcmFormat format, List<ResultField> fields) {
        this(id, version, format, fields, false);
    }
}
