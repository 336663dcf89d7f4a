package org.deckhand.tags.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.deckhand.api.library.AudioProperties;
import org.deckhand.api.library.ReplayGain;
import org.deckhand.api.library.Tags;
import org.deckhand.api.library.TrackMetadata;
import org.deckhand.api.library.UnreadableAudioException;
import org.deckhand.media.Id3v2Header;
import org.deckhand.media.MpegFrameHeader;
import org.jaudiotagger.audio.AudioFile;
import org.jaudiotagger.audio.AudioFileIO;
import org.jaudiotagger.audio.AudioHeader;
import org.jaudiotagger.audio.exceptions.CannotReadVideoException;
import org.jaudiotagger.audio.flac.FlacInfoReader;
import org.jaudiotagger.audio.mp3.MP3AudioHeader;
import org.jaudiotagger.tag.Tag;

/**
 * Reads a file with JAudioTagger, naming the reader from the detected format ({@link AudioFileIO#readAs}), so the
 * file's extension plays no part. When JAudioTagger fails on the tags, the audio facts are read again without them:
 * MP3 from the first pair of valid frames after whatever precedes them, FLAC from its STREAMINFO block. A file whose
 * headers claim more than holds them ({@link HeaderClaims}) is not given to JAudioTagger, which would allocate the
 * claim; should it run out of memory or stack all the same, that file's tags are ignored likewise.
 */
final class JaudiotaggerReading {

    /** How far into an MP3 the first frame is looked for when its ID3v2 tag is unusable. */
    private static final int MP3_SYNC_SEARCH = 1 << 20;

    private final JaudiotaggerLog log;

    JaudiotaggerReading(JaudiotaggerLog log) {
        this.log = log;
    }

    /**
     * @param file the file
     * @param format its format, one JAudioTagger reads
     * @param warnings where to add what went wrong without stopping the reading
     * @return the metadata
     * @throws UnreadableAudioException if the audio header cannot be read
     */
    TrackMetadata read(Path file, AudioFormat format, List<String> warnings) throws UnreadableAudioException {
        AudioFile audioFile;
        try {
            HeaderClaims.check(file, format);
        } catch (IOException e) {
            return readWithoutTags(file, format, e, warnings);
        }
        try {
            audioFile = log.collecting(file, () -> withinMemory(() -> AudioFileIO.readAs(file.toFile(),
                    format.jaudiotaggerExtension())), warnings);
        } catch (CannotReadVideoException e) {
            throw new UnreadableAudioException(file, "not an audio file (an MP4 video)", e);
        } catch (Exception | OutOfMemoryError | StackOverflowError e) {
            return readWithoutTags(file, format, e, warnings);
        }
        AudioHeader header = audioFile.getAudioHeader();
        if (header == null) {
            throw new UnreadableAudioException(file, "the " + format.displayName() + " audio header is missing");
        }
        AudioProperties audio = withChannels(file, format, AudioFacts.of(format, header, size(file), warnings));
        checkPlausible(file, format, audio);
        Tag tag = audioFile.getTag();
        if (format == AudioFormat.MP3 && hasMalformedId3v2Header(file)) {
            warnings.add(0, "the ID3v2 tag is corrupt; tags ignored");
            return new TrackMetadata(format.id(), Tags.NONE, audio, ReplayGain.NONE, false, warnings);
        }
        if (tag == null) {
            return new TrackMetadata(format.id(), Tags.NONE, audio, ReplayGain.NONE, false, warnings);
        }
        TagValues values = new TagValues(tag, warnings);
        return new TrackMetadata(format.id(), TagsMapper.map(values), audio, ReplayGainMapper.map(values),
                ArtworkPicker.hasArtwork(tag), warnings);
    }

    /**
     * @return the file as JAudioTagger reads it, for its artwork or lyrics; null when it cannot (they are then
     *     unknown)
     */
    AudioFile readForTags(Path file, AudioFormat format) {
        try {
            HeaderClaims.check(file, format);
            return log.collecting(file, () -> withinMemory(() -> AudioFileIO.readAs(file.toFile(),
                    format.jaudiotaggerExtension())), new ArrayList<>());
        } catch (Exception | OutOfMemoryError | StackOverflowError e) {
            return null;
        }
    }

    private TrackMetadata readWithoutTags(Path file, AudioFormat format, Throwable failure, List<String> warnings)
            throws UnreadableAudioException {
        AudioHeader header;
        try {
            header = log.collecting(file, () -> withinMemory(() -> headerOnly(file, format)), warnings);
        } catch (Exception e) {
            failure.addSuppressed(e);
            throw new UnreadableAudioException(file, headerFailure(format, failure), failure);
        }
        if (header == null) {
            throw new UnreadableAudioException(file, headerFailure(format, failure), failure);
        }
        warnings.add(tagFailure(format) + "; tags ignored (" + reason(failure) + ")");
        AudioProperties audio = AudioFacts.of(format, header, size(file), warnings);
        checkPlausible(file, format, audio);
        return new TrackMetadata(format.id(), Tags.NONE, audio, ReplayGain.NONE, false, warnings);
    }

    /**
     * Runs a JAudioTagger reading that may allocate what a damaged header claims: JAudioTagger 3.0.1 allocates the
     * sizes of FLAC PICTURE blocks, WAV and AIFF chunks and ASF objects before it checks them against the file. Such
     * an allocation fails alone, before it takes any memory, and the file is unreadable like any damaged one.
     *
     * @throws IOException if the reading ran out of memory
     * @throws Exception what the reading threw
     */
    private static <T> T withinMemory(Callable<T> reading) throws Exception {
        try {
            return reading.call();
        } catch (OutOfMemoryError e) {
            throw new IOException("a header claims more memory than the server has (" + e.getMessage() + ")", e);
        }
    }

    /** JAudioTagger misreads the channel count of some MP4 files; their sample entry says it. */
    private static AudioProperties withChannels(Path file, AudioFormat format, AudioProperties audio)
            throws UnreadableAudioException {
        if (format != AudioFormat.M4A || audio.channels() > 0) {
            return audio;
        }
        try {
            return new AudioProperties(audio.codec(), audio.durationSeconds(), audio.bitrateKbps(),
                    audio.sampleRateHz(), audio.bitsPerSample(), Mp4Channels.read(file), audio.lossless());
        } catch (IOException e) {
            throw new UnreadableAudioException(file, "cannot be read from disk (" + reason(e) + ")", e);
        }
    }

    /** An MP3 that starts with "ID3" but whose header is not valid ID3v2 ({@link Id3v2Header#tagBytes}). */
    private static boolean hasMalformedId3v2Header(Path file) throws UnreadableAudioException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            byte[] head = Bytes.readUpTo(channel, 0, Id3v2Header.PROBE_BYTES);
            return Id3v2Header.startsTag(head) && Id3v2Header.tagBytes(head) < 0;
        } catch (IOException e) {
            throw new UnreadableAudioException(file, "cannot be read from disk (" + reason(e) + ")", e);
        }
    }

    private static AudioHeader headerOnly(Path file, AudioFormat format) throws Exception {
        if (format == AudioFormat.MP3) {
            long firstFrame = firstMpegFrame(file);
            return firstFrame < 0 ? null : new MP3AudioHeader(file.toFile(), firstFrame);
        }
        if (format == AudioFormat.FLAC) {
            return new FlacInfoReader().read(file);
        }
        return null;
    }

    /** @return the offset of the first MPEG frame that another valid frame follows, or -1 */
    private static long firstMpegFrame(Path file) throws IOException {
        byte[] bytes;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            bytes = Bytes.readUpTo(channel, 0, MP3_SYNC_SEARCH);
        }
        return MpegFrameHeader.findSync(bytes, 0);
    }

    private static String tagFailure(AudioFormat format) {
        if (format == AudioFormat.MP3) {
            return "the ID3v2 tag is corrupt";
        }
        if (format == AudioFormat.FLAC) {
            return "the FLAC metadata blocks are corrupt";
        }
        return "the " + format.displayName() + " tags are corrupt";
    }

    private static String headerFailure(AudioFormat format, Throwable failure) {
        if (format == AudioFormat.MP3) {
            return "truncated or not an MP3: the MP3 has no complete frame";
        }
        return "the " + format.displayName() + " audio header cannot be read (" + reason(failure) + ")";
    }

    /** A header that JAudioTagger accepts but that describes no playable audio (zeroed STREAMINFO, for one). */
    private static void checkPlausible(Path file, AudioFormat format, AudioProperties audio)
            throws UnreadableAudioException {
        if (audio.sampleRateHz() <= 0) {
            throw new UnreadableAudioException(file, String.format(Locale.ROOT,
                    "the %s audio header is invalid: sample rate %d Hz", format.displayName(), audio.sampleRateHz()));
        }
    }

    private static long size(Path file) throws UnreadableAudioException {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UnreadableAudioException(file, "cannot be read from disk (" + reason(e) + ")", e);
        }
    }

    /** @return a short reason from an exception: its message, else its type */
    static String reason(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message.strip();
    }
}
