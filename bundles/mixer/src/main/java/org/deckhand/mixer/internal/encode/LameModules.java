package org.deckhand.mixer.internal.encode;

import de.sciss.jump3r.mp3.BitStream;
import de.sciss.jump3r.mp3.GainAnalysis;
import de.sciss.jump3r.mp3.ID3Tag;
import de.sciss.jump3r.mp3.Lame;
import de.sciss.jump3r.mp3.LameGlobalFlags;
import de.sciss.jump3r.mp3.MPEGMode;
import de.sciss.jump3r.mp3.Presets;
import de.sciss.jump3r.mp3.Quantize;
import de.sciss.jump3r.mp3.QuantizePVT;
import de.sciss.jump3r.mp3.Reservoir;
import de.sciss.jump3r.mp3.Takehiro;
import de.sciss.jump3r.mp3.VBRTag;
import de.sciss.jump3r.mp3.Version;
import de.sciss.jump3r.mpg.Common;
import de.sciss.jump3r.mpg.Interface;
import de.sciss.jump3r.mpg.MPGLib;

/**
 * jump3r's LAME modules wired together as its {@code lowlevel.LameEncoder} wires them (less the command line's
 * parser and the input file reader), and set up as it sets them up but for one thing: that class always switches on
 * LAME's ReplayGain analysis ({@code findReplayGain}: two IIR filters over every sample, about a seventh of the
 * encoder's time at quality 7), whose result only goes into a LAME tag that a stream never carries. The MP3 frames
 * are the same, byte for byte. Not thread-safe.
 */
final class LameModules {

    private final Lame lame = new Lame();
    private final ID3Tag id3 = new ID3Tag();

    LameModules() {
        GainAnalysis gain = new GainAnalysis();
        BitStream bits = new BitStream();
        Presets presets = new Presets();
        QuantizePVT quantizePvt = new QuantizePVT();
        Quantize quantize = new Quantize();
        VBRTag vbrTag = new VBRTag();
        Version version = new Version();
        Reservoir reservoir = new Reservoir();
        Takehiro takehiro = new Takehiro();
        MPGLib mpg = new MPGLib();
        Interface mpgInterface = new Interface();
        Common common = new Common();
        lame.setModules(gain, bits, presets, quantizePvt, quantize, vbrTag, version, id3, mpg);
        bits.setModules(gain, mpg, version, vbrTag);
        id3.setModules(bits, version);
        presets.setModules(lame);
        quantize.setModules(bits, reservoir, quantizePvt, takehiro);
        quantizePvt.setModules(takehiro, reservoir, lame.enc.psy);
        reservoir.setModules(bits);
        takehiro.setModules(quantizePvt);
        vbrTag.setModules(lame, bits, version);
        mpg.setModules(mpgInterface, common);
        mpgInterface.setModules(vbrTag, common);
    }

    /** @return the encoder, to call with the flags of {@link #jointStereoCbr} */
    Lame lame() {
        return lame;
    }

    /**
     * Sets LAME up for stereo input encoded to joint-stereo constant-bit-rate MP3, at the output rate LAME chooses
     * for that bit rate (the input's, at the bit rates of MPEG-1), without ID3 tags or ReplayGain analysis.
     *
     * @param sampleRateHz the input's sample rate, Hz
     * @param bitRateKbps the bit rate, kbit/s
     * @param quality LAME's quality setting, 0 (best, slowest) to 9
     * @return the flags to encode with
     * @throws IllegalArgumentException if LAME refuses the settings
     */
    LameGlobalFlags jointStereoCbr(int sampleRateHz, int bitRateKbps, int quality) {
        LameGlobalFlags flags = lame.lame_init();
        flags.num_channels = 2;
        flags.in_samplerate = sampleRateHz;
        flags.mode = MPEGMode.JOINT_STEREO;
        flags.brate = bitRateKbps;
        flags.quality = quality;
        id3.id3tag_init(flags);
        flags.write_id3tag_automatic = false;
        flags.findReplayGain = false;
        int status = lame.lame_init_params(flags);
        if (status < 0) {
            throw new IllegalArgumentException("LAME refuses stereo at " + sampleRateHz + " Hz to " + bitRateKbps
                    + " kbit/s CBR: error " + status);
        }
        return flags;
    }
}
