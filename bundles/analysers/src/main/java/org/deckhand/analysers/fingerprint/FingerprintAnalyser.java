package org.deckhand.analysers.fingerprint;

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
 * A compact fingerprint of a track's decoded audio, by which the catalog finds copies of one recording in several
 * formats (WAV, FLAC, MP3, Opus...) that no file checksum relates: the sub-fingerprints of Haitsma and Kalker, "A
 * Highly Robust Audio Fingerprinting System" (ISMIR 2002), section 4, over the first {@value AudioFingerprint#FRAMES}
 * frames of 0.37 s after the first sound. See {@link AudioFingerprint} for its layout.
 */
@Component(service = Analyser.class)
public final class FingerprintAnalyser implements Analyser {

    /** The descriptor's id, under which the result is stored. */
    public static final String ID = BuiltInAnalysers.FINGERPRINT;

    private static final AnalyserDescriptor DESCRIPTOR = new AnalyserDescriptor(ID, "1",
            new PcmFormat(AudioFingerprint.SAMPLE_RATE_HZ, 1),
            List.of(new ResultField(AudioFingerprint.FIELD, ValueType.TEXT, "",
                    "Fingerprint of the decoded audio: 32 bits per 0.37 s from the first sound, in hex; copies of "
                            + "one recording in any format have nearly the same bits.")), false);

    @Override
    public AnalyserDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Analysis begin(Track track, PcmFormat format) {
        return new AudioFingerprint(DESCRIPTOR);
    }
}
