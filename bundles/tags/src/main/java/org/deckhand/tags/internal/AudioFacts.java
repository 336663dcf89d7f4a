package org.deckhand.tags.internal;

import java.util.List;
import java.util.Locale;
import org.deckhand.api.library.AudioProperties;
import org.jaudiotagger.audio.AudioHeader;
import org.jaudiotagger.audio.mp3.MP3AudioHeader;

/**
 * Turns JAudioTagger's audio header into {@link AudioProperties}, and checks it against the file's size: a header
 * that claims more audio than the file holds (a truncated download or copy) gives a warning and the duration of what
 * is there.
 */
final class AudioFacts {

    /** A file is called truncated when it holds less than this share of the audio its header claims. */
    private static final double TRUNCATION_RATIO = 0.97;
    private static final int BYTES_PER_KILOBIT = 125;

    private AudioFacts() {
    }

    /**
     * @param format the file's format, from its content
     * @param header JAudioTagger's header
     * @param fileSize the file's size in bytes
     * @param warnings where to add a truncation warning
     * @return the audio facts
     */
    static AudioProperties of(AudioFormat format, AudioHeader header, long fileSize, List<String> warnings) {
        String codec = codec(format, header);
        boolean lossless = format == AudioFormat.M4A ? "alac".equals(codec) : format.lossless();
        int bitrate = (int) Math.max(0, header.getBitRateAsNumber());
        double duration = header.getPreciseTrackLength();
        if (!(duration > 0) || Double.isInfinite(duration)) {
            duration = Double.NaN;
        }
        duration = checkedForTruncation(format, header, fileSize, bitrate, duration, warnings);
        return new AudioProperties(codec, duration, bitrate, Math.max(0, header.getSampleRateAsNumber()),
                lossless ? Math.max(0, header.getBitsPerSample()) : 0, channels(header.getChannels()), lossless);
    }

    private static String codec(AudioFormat format, AudioHeader header) {
        String encoding = header.getEncodingType() == null ? "" : header.getEncodingType().toLowerCase(Locale.ROOT);
        if (format == AudioFormat.M4A && encoding.contains("alac")) {
            return "alac";
        }
        return format.defaultCodec();
    }

    /**
     * For constant-rate formats (PCM, and MP3 whose average bit rate comes from its Xing/Info frame or its first
     * frame), the audio bytes present give the real duration.
     */
    private static double checkedForTruncation(AudioFormat format, AudioHeader header, long fileSize, int bitrate,
            double duration, List<String> warnings) {
        if (bitrate <= 0 || Double.isNaN(duration)) {
            return duration;
        }
        long audioStart;
        if (header instanceof MP3AudioHeader mp3) {
            audioStart = mp3.getMp3StartByte();
        } else if ((format == AudioFormat.WAV || format == AudioFormat.AIFF)
                && header.getAudioDataStartPosition() != null) {
            audioStart = header.getAudioDataStartPosition();
        } else {
            return duration;
        }
        double claimedBytes = duration * bitrate * BYTES_PER_KILOBIT;
        long presentBytes = Math.max(0, fileSize - audioStart);
        if (presentBytes >= claimedBytes * TRUNCATION_RATIO) {
            return duration;
        }
        double present = presentBytes / (double) (bitrate * BYTES_PER_KILOBIT);
        warnings.add(String.format(Locale.ROOT, "truncated: the %s header announces %.1f s of audio but the file "
                + "holds only about %.1f s", format.displayName(), duration, present));
        return present;
    }

    /** @return the channel count from "2", "Stereo", "Joint Stereo", "Dual Channel", "Mono"; 0 when unknown */
    static int channels(String channels) {
        if (channels == null) {
            return 0;
        }
        String value = channels.strip().toLowerCase(Locale.ROOT);
        if (value.matches("-?\\d{1,3}")) {
            return Math.max(0, Integer.parseInt(value));
        }
        if (value.contains("mono") || value.contains("single")) {
            return 1;
        }
        if (value.contains("stereo") || value.contains("dual")) {
            return 2;
        }
        return 0;
    }
}
