package org.deckhand.api.library;

/**
 * The ids of the built-in analysers and the names of the result fields other bundles read, the one home of these
 * names: the analysers store their results under them, and the search index, the mixer, write-back and the catalog
 * read them ({@link MusicFacts} resolves the values a DJ uses). A field's value is of the Java type its analyser
 * declares for it; the units are given with each field.
 */
public final class BuiltInAnalysers {

    /** The tempo analyser's id. */
    public static final String TEMPO = "tempo";
    /** Tempo field: the tempo, in BPM (beats per minute), to one decimal. */
    public static final String TEMPO_BPM = "bpm";
    /** Tempo field: how steady and clear the beat is, 0 (unsure) to 1 (certain). */
    public static final String TEMPO_CONFIDENCE = "confidence";
    /** Tempo field: the tempo at the other likely octave, half or double the tempo, in BPM. */
    public static final String TEMPO_ALTERNATIVE_BPM = "alternativeBpm";

    /** The beat grid analyser's id. */
    public static final String BEATGRID = "beatgrid";
    /** Beat grid field: when the first bar starts, in seconds from the start of the track. */
    public static final String BEATGRID_FIRST_DOWNBEAT_SECONDS = "firstDownbeatSeconds";
    /** Beat grid field: the time between two beats, in seconds. */
    public static final String BEATGRID_BEAT_PERIOD_SECONDS = "beatPeriodSeconds";
    /** Beat grid field: the grid's tempo, in BPM. */
    public static final String BEATGRID_BPM = "bpm";
    /** Beat grid field: how well the beats fit the grid, 0 (poorly) to 1 (all of them). */
    public static final String BEATGRID_CONFIDENCE = "confidence";
    /** Beat grid field: whether the tempo drifts, so that a constant grid does not hold (boolean). */
    public static final String BEATGRID_VARIABLE_TEMPO = "variableTempo";
    /** Beat grid field: where the intro ends, the first downbeat at full energy, in seconds. */
    public static final String BEATGRID_INTRO_END_SECONDS = "introEndSeconds";
    /** Beat grid field: where the outro starts, the downbeat ending the last bar at full energy, in seconds. */
    public static final String BEATGRID_OUTRO_START_SECONDS = "outroStartSeconds";

    /** The key analyser's id. */
    public static final String KEY = "key";
    /** Key field: the key's name, such as {@code A minor}. */
    public static final String KEY_NAME = "key";
    /** Key field: the key as a Camelot code, such as {@code 8A}. */
    public static final String KEY_CAMELOT = "camelot";
    /** Key field: the key in Open Key notation, such as {@code 1m}. */
    public static final String KEY_OPEN_KEY = "openKey";
    /** Key field: how clearly the key stands out, 0 (unsure) to 1 (certain). */
    public static final String KEY_CONFIDENCE = "confidence";
    /** Key field: the tuning of the track's A4, in Hz. */
    public static final String KEY_TUNING_HZ = "tuningHz";

    /** The energy analyser's id. */
    public static final String ENERGY = "energy";
    /** Energy field: the rating, 1 (calm) to 10 (intense), an integer. */
    public static final String ENERGY_RATING = "energy";
    /** Energy field: the energy over the track, one value from 0 (calm) to 1 (intense) per second. */
    public static final String ENERGY_CURVE = "curve";

    /** The loudness analyser's id. */
    public static final String LOUDNESS = "loudness";
    /** Loudness field: the integrated loudness (ITU-R BS.1770-4, EBU R 128), in LUFS. */
    public static final String LOUDNESS_INTEGRATED_LUFS = "integratedLufs";
    /** Loudness field: the loudness range (EBU Tech 3342), in LU. */
    public static final String LOUDNESS_RANGE_LU = "loudnessRangeLu";
    /** Loudness field: the largest sample value, in dBFS. */
    public static final String LOUDNESS_SAMPLE_PEAK_DBFS = "samplePeakDbfs";
    /** Loudness field: the largest level between samples too (ITU-R BS.1770-4), in dBTP. */
    public static final String LOUDNESS_TRUE_PEAK_DBTP = "truePeakDbtp";
    /** Loudness field: the ReplayGain 2.0 track gain, which brings the track to -18 LUFS, in dB. */
    public static final String LOUDNESS_REPLAY_GAIN_DB = "replayGainDb";
    /** Loudness field: the ReplayGain track peak, the true peak as a linear value, 1.0 at full scale. */
    public static final String LOUDNESS_REPLAY_GAIN_PEAK = "replayGainPeak";

    /** The waveform analyser's id. */
    public static final String WAVEFORM = "waveform";
    /** The audio fingerprint analyser's id. */
    public static final String FINGERPRINT = "fingerprint";

    private BuiltInAnalysers() {
    }
}
