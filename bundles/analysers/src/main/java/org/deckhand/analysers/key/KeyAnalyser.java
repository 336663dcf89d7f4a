package org.deckhand.analysers.key;

import java.util.List;
import java.util.Locale;
import org.deckhand.api.analysis.Analyser;
import org.deckhand.api.analysis.AnalyserDescriptor;
import org.deckhand.api.analysis.Analysis;
import org.deckhand.api.analysis.PcmFormat;
import org.deckhand.api.analysis.ResultField;
import org.deckhand.api.analysis.ValueType;
import org.deckhand.api.library.BuiltInAnalysers;
import org.deckhand.api.library.Track;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Finds a track's musical key, with its Camelot and Open Key codes, and the tuning the track is played at.
 *
 * <p>Method: harmonic pitch class profile with tuning estimation (E. Gómez, <i>Tonal description of music audio
 * signals</i>, PhD thesis, Universitat Pompeu Fabra, 2006, chapters 3 and 4), averaged over the track and correlated
 * with the key profiles chosen in {@link KeyConfiguration} (Temperley 1999, 2007; Faraldo, Gómez, Jordà, Herrera,
 * "Key estimation in electronic dance music", ECIR 2016; Krumhansl–Kessler 1982): one set for tracks whose genre
 * tag names electronic dance music ({@link ElectronicGenres}), EDMA by default, another for the rest,
 * Krumhansl–Kessler by default. Mono audio at {@value #SAMPLE_RATE_HZ} Hz; peaks from {@value KeyAnalysis#LOWEST_HZ}
 * Hz to {@value KeyAnalysis#HIGHEST_HZ} Hz.
 */
@Component(service = Analyser.class, configurationPid = KeyConfiguration.PID)
@Designate(ocd = KeyConfiguration.class)
public final class KeyAnalyser implements Analyser {

    /** The descriptor id. */
    public static final String ID = BuiltInAnalysers.KEY;
    /** Field: the key's name, such as {@code A minor}. */
    public static final String KEY = BuiltInAnalysers.KEY_NAME;
    /** Field: the Camelot code, such as {@code 8A}. */
    public static final String CAMELOT = BuiltInAnalysers.KEY_CAMELOT;
    /** Field: the Open Key code, such as {@code 1m}. */
    public static final String OPEN_KEY = BuiltInAnalysers.KEY_OPEN_KEY;
    /** Field: how sure the analyser is of the key, 0 to 1. */
    public static final String CONFIDENCE = BuiltInAnalysers.KEY_CONFIDENCE;
    /** Field: the estimated pitch of A4 (Hz). */
    public static final String TUNING = BuiltInAnalysers.KEY_TUNING_HZ;
    /** The sample rate the analyser asks for (Hz). */
    public static final int SAMPLE_RATE_HZ = 11_025;

    private static final String VERSION = "2";

    private final AnalyserDescriptor descriptor;
    private final KeyMatcher matcher;
    private final KeyMatcher electronicMatcher;

    /** @param configuration the analyser's settings */
    @Activate
    public KeyAnalyser(KeyConfiguration configuration) {
        this(configuration.profile(), configuration.electronicProfile());
    }

    /** @param profile the key profiles to match every track against, whatever its genre */
    public KeyAnalyser(KeyProfile profile) {
        this(profile, profile);
    }

    /**
     * @param profile the key profiles to match tracks against, unless their genre tag names electronic dance music
     * @param electronicProfile the key profiles for tracks whose genre tag names electronic dance music
     */
    public KeyAnalyser(KeyProfile profile, KeyProfile electronicProfile) {
        this.matcher = new KeyMatcher(profile);
        this.electronicMatcher = new KeyMatcher(electronicProfile);
        String profiles = profile == electronicProfile ? profile.name()
                : profile.name() + "-" + electronicProfile.name();
        this.descriptor = new AnalyserDescriptor(ID, VERSION + "-" + profiles.toLowerCase(Locale.ROOT),
                new PcmFormat(SAMPLE_RATE_HZ, 1), List.of(
                        new ResultField(KEY, ValueType.TEXT, "", "The musical key, such as A minor; absent when the "
                                + "track has no clear key, such as a drum loop."),
                        new ResultField(CAMELOT, ValueType.TEXT, "", "The key on the Camelot wheel, such as 8A."),
                        new ResultField(OPEN_KEY, ValueType.TEXT, "", "The key in Open Key notation, such as 1m."),
                        new ResultField(CONFIDENCE, ValueType.NUMBER, "", "How clearly the music fits the key, from 0 "
                                + "to 1."),
                        new ResultField(TUNING, ValueType.NUMBER, "Hz", "The pitch the track tunes A4 to, 440 Hz in "
                                + "standard tuning.")));
    }

    @Override
    public AnalyserDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Analysis begin(Track track, PcmFormat format) {
        return new KeyAnalysis(descriptor, ElectronicGenres.includes(track) ? electronicMatcher : matcher,
                format.sampleRateHz());
    }
}
