package org.deckhand.analysers.energy;

import java.util.List;
import org.deckhand.api.analysis.Analyser;
import org.deckhand.api.analysis.AnalyserDescriptor;
import org.deckhand.api.analysis.Analysis;
import org.deckhand.api.analysis.PcmFormat;
import org.deckhand.api.analysis.ResultField;
import org.deckhand.api.analysis.ValueType;
import org.deckhand.api.library.BuiltInAnalysers;
import org.deckhand.api.library.Track;
import org.osgi.service.component.annotations.Component;

/**
 * A track's energy as DJs rate it, from 1 (calm) to 10 (intense), and how it moves over the track: an energy curve
 * with one value in [0, 1] per second. Both come from loudness, onset density, spectral centroid and spectral flux,
 * combined by the {@link EnergyModel}; the curve pools the features over five seconds centred on each second, so that
 * a single drum hit does not make a spike. Works on mono at {@value #SAMPLE_RATE_HZ} Hz (the rate the tempo and key
 * analysers use too): 5.5 kHz of bandwidth is plenty for onsets and brightness.
 */
@Component(service = Analyser.class)
public final class EnergyAnalyser implements Analyser {

    /** The descriptor's id, under which the results are stored. */
    public static final String ID = BuiltInAnalysers.ENERGY;
    /** Field: the rating, 1 to 10 (INTEGER). */
    public static final String ENERGY = BuiltInAnalysers.ENERGY_RATING;
    /** Field: the energy curve, one value in [0, 1] per second (NUMBER_ARRAY). */
    public static final String CURVE = BuiltInAnalysers.ENERGY_CURVE;
    /** The sample rate the analyser works at (Hz). */
    public static final int SAMPLE_RATE_HZ = 11_025;

    private static final AnalyserDescriptor DESCRIPTOR = new AnalyserDescriptor(ID, "1",
            new PcmFormat(SAMPLE_RATE_HZ, 1),
            List.of(new ResultField(ENERGY, ValueType.INTEGER, "",
                            "Energy from 1 (calm) to 10 (intense), from loudness, rhythm density and brightness."),
                    new ResultField(CURVE, ValueType.NUMBER_ARRAY, "",
                            "Energy over the track: one value from 0 (calm) to 1 (intense) per second.")));

    @Override
    public AnalyserDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Analysis begin(Track track, PcmFormat format) {
        return new EnergyAnalysis(DESCRIPTOR, format.sampleRateHz());
    }
}
