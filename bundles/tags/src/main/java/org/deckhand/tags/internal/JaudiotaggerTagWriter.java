package org.deckhand.tags.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.deckhand.api.library.TagWriteException;
import org.deckhand.api.library.TagWriter;
import org.deckhand.media.FormatDetector;
import org.jaudiotagger.audio.AudioFile;
import org.jaudiotagger.audio.AudioFileIO;
import org.jaudiotagger.audio.wav.WavSaveOptions;
import org.jaudiotagger.tag.FieldDataInvalidException;
import org.jaudiotagger.tag.FieldKey;
import org.jaudiotagger.tag.Tag;
import org.jaudiotagger.tag.TagOptionSingleton;
import org.jaudiotagger.tag.flac.FlacTag;
import org.jaudiotagger.tag.vorbiscomment.VorbisCommentTag;
import org.jaudiotagger.tag.wav.WavTag;
import org.osgi.service.component.annotations.Component;

/**
 * Writes tempo and key tags with JAudioTagger into a copy of the file, whose name keeps the format's extension so
 * that JAudioTagger picks the right writer. JAudioTagger rewrites only the tag blocks: ID3v2 at the start of an MP3
 * and in its chunk of an AIFF or WAV, the Vorbis comment of a FLAC or Ogg file, the {@code ilst} atom of an MP4.
 */
@Component(service = TagWriter.class)
public final class JaudiotaggerTagWriter implements TagWriter {

    /** The formats whose tags JAudioTagger writes and that DJ software reads tempo and key from. */
    private static final Set<AudioFormat> WRITABLE = EnumSet.of(AudioFormat.MP3, AudioFormat.FLAC, AudioFormat.WAV,
            AudioFormat.AIFF, AudioFormat.OGG, AudioFormat.M4A);
    /** The formats whose tags hold the BPM as text with decimals: Vorbis comments. */
    private static final Set<AudioFormat> DECIMAL_BPM = EnumSet.of(AudioFormat.FLAC, AudioFormat.OGG);
    private static final String VORBIS_KEY = "INITIALKEY";
    private static final String VORBIS_KEY_ALIAS = "KEY";

    /** JAudioTagger saves a WAV file's ID3 chunk, which holds the tempo and key, beside its INFO chunk. */
    public JaudiotaggerTagWriter() {
        TagOptionSingleton.getInstance().setWavSaveOptions(WavSaveOptions.SAVE_BOTH);
    }

    @Override
    public boolean writes(String format) {
        return WRITABLE.stream().anyMatch(writable -> writable.id().equals(format));
    }

    @Override
    public Path writeTempoAndKey(Path file, double bpm, String key) throws TagWriteException {
        AudioFormat format = formatOf(file);
        Path copy = file.resolveSibling(COPY_PREFIX + UUID.randomUUID() + "." + format.jaudiotaggerExtension());
        try {
            HeaderClaims.check(file, format);
            Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
            AudioFile audio = AudioFileIO.readAs(copy.toFile(), format.jaudiotaggerExtension());
            Tag tag = writableTag(audio.getTagOrCreateAndSetDefault());
            if (!Double.isNaN(bpm)) {
                tag.setField(FieldKey.BPM, bpmText(format, bpm));
            }
            if (key != null) {
                setKey(tag, key);
            }
            audio.commit();
            return copy;
        } catch (Exception | OutOfMemoryError | StackOverflowError e) {
            deleteQuietly(copy, e);
            throw new TagWriteException(file, "its tags cannot be written (" + JaudiotaggerReading.reason(e) + ")",
                    e);
        }
    }

    /** A WAV file's tempo and key go into its ID3 chunk: its INFO chunk has no such fields. */
    private static Tag writableTag(Tag tag) {
        if (tag instanceof WavTag wav) {
            if (wav.getID3Tag() == null) {
                wav.setID3Tag(WavTag.createDefaultID3Tag());
            }
            return wav.getID3Tag();
        }
        return tag;
    }

    /**
     * Vorbis comments name the key INITIALKEY, as Traktor and rekordbox read it (JAudioTagger's KEY field writes KEY);
     * a KEY comment already there is given the same value, so that the two never disagree.
     */
    private static void setKey(Tag tag, String key) throws FieldDataInvalidException {
        VorbisCommentTag vorbis = tag instanceof FlacTag flac ? flac.getVorbisCommentTag()
                : tag instanceof VorbisCommentTag comments ? comments : null;
        if (vorbis == null) {
            tag.setField(FieldKey.KEY, key);
            return;
        }
        vorbis.setField(VORBIS_KEY, key);
        if (vorbis.hasField(VORBIS_KEY_ALIAS)) {
            vorbis.setField(VORBIS_KEY_ALIAS, key);
        }
    }

    private static AudioFormat formatOf(Path file) throws TagWriteException {
        AudioFormat format;
        try {
            format = AudioFormat.of(FormatDetector.detect(file).format()).orElseThrow(() -> new TagWriteException(file,
                    "not an audio file Deckhand knows", null));
        } catch (IOException e) {
            throw new TagWriteException(file, "cannot be read from disk (" + JaudiotaggerReading.reason(e) + ")", e);
        }
        if (!WRITABLE.contains(format)) {
            throw new TagWriteException(file, format.displayName() + " tags cannot be written", null);
        }
        return format;
    }

    private static String bpmText(AudioFormat format, double bpm) {
        return DECIMAL_BPM.contains(format) ? String.format(Locale.ROOT, "%.1f", bpm)
                : Long.toString(Math.round(bpm));
    }

    private static void deleteQuietly(Path copy, Throwable failure) {
        try {
            Files.deleteIfExists(copy);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
