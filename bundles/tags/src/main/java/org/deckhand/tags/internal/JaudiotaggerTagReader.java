package org.deckhand.tags.internal;

import java.io.EOFException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.deckhand.api.library.Artwork;
import org.deckhand.api.library.AudioProperties;
import org.deckhand.api.library.Lyrics;
import org.deckhand.api.library.ReplayGain;
import org.deckhand.api.library.TagReader;
import org.deckhand.api.library.Tags;
import org.deckhand.api.library.TrackMetadata;
import org.deckhand.api.library.UnreadableAudioException;
import org.deckhand.media.Detection;
import org.deckhand.media.FormatDetector;
import org.deckhand.media.MediaFormat;
import org.jaudiotagger.audio.AudioFile;
import org.jaudiotagger.tag.Tag;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads music files with JAudioTagger (MP3, FLAC, WAV, AIFF, Ogg Vorbis, MP4/M4A, WMA, DSF) and with its own header
 * readers for the formats JAudioTagger lacks (Opus; APE and WavPack without their tags). The format always comes
 * from the file's content, and JAudioTagger is told which reader to use, so a missing or wrong extension does not
 * matter. Thread-safe: each call reads the file afresh and keeps no state.
 */
@Component(service = TagReader.class)
public final class JaudiotaggerTagReader implements TagReader {

    private static final Logger LOG = LoggerFactory.getLogger(JaudiotaggerTagReader.class);

    private final JaudiotaggerLog jaudiotaggerLog = new JaudiotaggerLog();
    private final JaudiotaggerReading jaudiotagger = new JaudiotaggerReading(jaudiotaggerLog);

    /** Stops collecting JAudioTagger's log and gives its loggers back their settings. */
    @Deactivate
    public void deactivate() {
        jaudiotaggerLog.close();
    }

    @Override
    public Optional<String> detectFormat(Path file) throws UnreadableAudioException {
        try {
            return AudioFormat.of(FormatDetector.detect(file).format()).map(AudioFormat::id);
        } catch (IOException e) {
            throw cannotOpen(file, e);
        }
    }

    @Override
    public TrackMetadata read(Path file) throws UnreadableAudioException {
        AudioFormat format = audioFormatOf(file);
        List<String> warnings = new ArrayList<>();
        try {
            switch (format) {
                case OPUS:
                    return readOpus(file, warnings);
                case APE:
                case WV:
                    warnings.add("tags of " + format.displayName() + " files are not read");
                    return new TrackMetadata(format.id(), Tags.NONE, NativeHeaders.read(format, file),
                            ReplayGain.NONE, false, warnings);
                default:
                    return jaudiotagger.read(file, format, warnings);
            }
        } catch (UnreadableAudioException e) {
            throw e;
        } catch (IOException e) {
            throw truncatedOr(file, format, e);
        } catch (Exception e) {
            LOG.debug("Unexpected failure reading {}", file, e);
            throw new UnreadableAudioException(file, "the " + format.displayName() + " file cannot be read ("
                    + JaudiotaggerReading.reason(e) + ")", e);
        }
    }

    @Override
    public Optional<Artwork> readArtwork(Path file) throws UnreadableAudioException {
        AudioFormat format = audioFormatOf(file);
        try {
            return tag(file, format).flatMap(ArtworkPicker::frontCover);
        } catch (IOException e) {
            throw truncatedOr(file, format, e);
        } catch (Exception e) {
            LOG.debug("Cannot read the artwork of {}", file, e);
            return Optional.empty();
        }
    }

    @Override
    public Optional<Lyrics> readLyrics(Path file) throws UnreadableAudioException {
        AudioFormat format = audioFormatOf(file);
        try {
            Optional<Lyrics> beside = LyricsSources.besideFile(file);
            if (beside.isPresent()) {
                return beside;
            }
        } catch (IOException e) {
            LOG.warn("The lyrics beside {} cannot be read: {}", file, e.getMessage());
        }
        try {
            return tag(file, format).flatMap(LyricsSources::inTag);
        } catch (IOException e) {
            throw truncatedOr(file, format, e);
        } catch (Exception e) {
            LOG.debug("Cannot read the lyrics of {}", file, e);
            return Optional.empty();
        }
    }

    /** @return the file's tag, read again: empty when it has none, or its format's tags are not read (APE, WV) */
    private Optional<Tag> tag(Path file, AudioFormat format) throws Exception {
        switch (format) {
            case OPUS:
                return Optional.ofNullable(OggOpusFile.read(file).tag());
            case APE:
            case WV:
                return Optional.empty();
            default:
                AudioFile audioFile = jaudiotagger.readForTags(file, format);
                return audioFile == null ? Optional.empty() : Optional.ofNullable(audioFile.getTag());
        }
    }

    private AudioFormat audioFormatOf(Path file) throws UnreadableAudioException {
        Detection detection;
        byte[] head;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            detection = FormatDetector.detect(channel);
            head = Bytes.readUpTo(channel, 0, UnknownContent.HEAD_BYTES);
        } catch (IOException e) {
            throw cannotOpen(file, e);
        }
        if (detection.format() == MediaFormat.EMPTY) {
            throw new UnreadableAudioException(file, "empty file (0 bytes)");
        }
        return AudioFormat.of(detection.format())
                .orElseThrow(() -> new UnreadableAudioException(file, UnknownContent.describe(head, detection)));
    }

    private static TrackMetadata readOpus(Path file, List<String> warnings) throws Exception {
        OggOpusFile opus = OggOpusFile.read(file);
        Tag tag = opus.tag();
        TagValues values = new TagValues(tag, warnings);
        AudioProperties audio = opus.audio();
        if (Double.isNaN(audio.durationSeconds())) {
            warnings.add("the Opus stream has no complete audio page; duration unknown");
        }
        return new TrackMetadata(AudioFormat.OPUS.id(), TagsMapper.map(values), audio, ReplayGainMapper.map(values),
                ArtworkPicker.hasArtwork(tag), warnings);
    }

    private static UnreadableAudioException truncatedOr(Path file, AudioFormat format, IOException e) {
        if (e instanceof EOFException) {
            return new UnreadableAudioException(file, "truncated: " + e.getMessage(), e);
        }
        return cannotOpen(file, e);
    }

    private static UnreadableAudioException cannotOpen(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new UnreadableAudioException(file, "no such file", e);
        }
        if (Files.isDirectory(file)) {
            return new UnreadableAudioException(file, "a folder, not a file", e);
        }
        return new UnreadableAudioException(file, "cannot be read from disk (" + JaudiotaggerReading.reason(e) + ")",
                e);
    }

}
