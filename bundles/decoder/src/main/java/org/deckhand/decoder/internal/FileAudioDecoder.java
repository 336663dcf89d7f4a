package org.deckhand.decoder.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import org.deckhand.api.audio.AudioDecoder;
import org.deckhand.api.audio.DecodedAudio;
import org.deckhand.api.audio.UnsupportedAudioException;
import org.deckhand.media.FormatDetector;
import org.deckhand.media.MediaFormat;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link AudioDecoder} service. Opens the file once, as a {@link FileChannel} read front to back through a
 * SHA-256 {@link DigestingInputStream}; recognises the format from the content ({@link FormatDetector}); decodes MP3,
 * FLAC, WAV, AIFF, Ogg Vorbis and AAC in MP4 in pure Java, and the rest through ffmpeg when it is on the {@code PATH}.
 */
@Component(service = AudioDecoder.class)
public final class FileAudioDecoder implements AudioDecoder {

    private static final Logger LOG = LoggerFactory.getLogger(FileAudioDecoder.class);
    private static final int STREAM_BUFFER_BYTES = FormatDetector.HEAD_BYTES;

    private final Supplier<Optional<Path>> ffmpeg;

    /** The service: ffmpeg is looked up on the {@code PATH} at each file, so that installing it takes effect. */
    public FileAudioDecoder() {
        this(() -> FfmpegExecutable.find(System.getenv("PATH")));
    }

    /**
     * @param ffmpeg finds the ffmpeg executable, or finds none
     */
    FileAudioDecoder(Supplier<Optional<Path>> ffmpeg) {
        this.ffmpeg = ffmpeg;
    }

    @Override
    public DecodedAudio open(Path file) throws IOException {
        return open(file, false, null);
    }

    @Override
    public DecodedAudio openUnclipped(Path file) throws IOException {
        return open(file, true, null);
    }

    @Override
    public DecodedAudio open(Path file, String format) throws IOException {
        return openTrusting(file, false, format);
    }

    @Override
    public DecodedAudio openUnclipped(Path file, String format) throws IOException {
        return openTrusting(file, true, format);
    }

    /**
     * Decodes the file as the stored format, once its magic number confirms it; when that fails, recognises the format
     * from the content and decodes the file afresh (past a garbage ID3v2 tag, say), warning when the content is
     * another format than the stored one.
     */
    private DecodedAudio openTrusting(Path file, boolean unclipped, String stored) throws IOException {
        MediaFormat trusted = MediaFormat.ofId(stored).orElse(null);
        if (trusted == null) {
            return open(file, unclipped, null);
        }
        try {
            return open(file, unclipped, trusted);
        } catch (IOException trustedFailure) {
            MediaFormat content = FormatDetector.detect(file).format();
            if (content != trusted) {
                LOG.warn("{}: the catalog says {}, but the file holds {} (replaced since the last scan?); decoding it "
                        + "as what it holds", file, trusted.displayName(), content.displayName());
            }
            try {
                return open(file, unclipped, null);
            } catch (IOException e) {
                e.addSuppressed(trustedFailure);
                throw e;
            }
        }
    }

    /** @param trusted the format to decode the file as, or null to recognise it from the content */
    private DecodedAudio open(Path file, boolean unclipped, MediaFormat trusted) throws IOException {
        FileChannel channel = FileChannel.open(file);
        DigestingInputStream digesting = new DigestingInputStream(Channels.newInputStream(channel));
        try {
            BufferedInputStream in = new BufferedInputStream(digesting, STREAM_BUFFER_BYTES);
            MediaFormat format = trusted;
            if (format == null) {
                format = FormatDetector.detect(in).format();
            } else if (!FormatDetector.startsAs(in, format)) {
                throw new UnsupportedAudioException(file + ": does not start as " + format.displayName() + " does");
            }
            return stream(file, source(file, channel, in, format), digesting, unclipped);
        } catch (IOException e) {
            digesting.close();
            throw e;
        } catch (RuntimeException e) {
            digesting.close();
            throw new IOException(file + ": its headers cannot be read (" + e + ")", e);
        }
    }

    /** @throws UnsupportedAudioException if the header declares a rate or channels that the API does not carry */
    private static DecodedStream stream(Path file, PcmSource source, DigestingInputStream digesting,
            boolean unclipped) throws IOException {
        try {
            return new DecodedStream(source, digesting, unclipped);
        } catch (IllegalArgumentException e) {
            source.close();
            throw new UnsupportedAudioException(file + ": " + e.getMessage());
        }
    }

    private PcmSource source(Path file, FileChannel channel, BufferedInputStream in, MediaFormat format)
            throws IOException {
        String name = file.toString();
        in.mark(FormatDetector.HEAD_BYTES);
        try {
            return switch (format) {
                case EMPTY -> throw new UnsupportedAudioException(name + ": the file is empty (0 bytes)");
                case TEXT -> throw new UnsupportedAudioException(name + ": the file is text, not audio");
                case MP3 -> Mp3Source.open(name, in);
                case FLAC -> FlacSource.open(name, in, channel.size());
                case WAVE -> WaveReader.open(name, in, false, "wav");
                case AIFF -> AiffReader.open(name, in);
                case OGG_VORBIS -> vorbis(name, in);
                case MP4, MP4_OTHER -> mp4(file, channel, in);
                default -> ffmpeg(file, in, format.displayName(), format == MediaFormat.UNKNOWN);
            };
        } catch (FfmpegRequiredException e) {
            in.reset();
            boolean mp4 = format == MediaFormat.MP4 || format == MediaFormat.MP4_OTHER;
            return ffmpeg(file, mp4 ? null : in, e.codecName(), false);
        }
    }

    private static PcmSource vorbis(String name, InputStream in) throws IOException, FfmpegRequiredException {
        try {
            return VorbisSource.open(name, in);
        } catch (IOException e) {
            throw new FfmpegRequiredException("Ogg Vorbis whose headers JOrbis cannot read (" + e.getMessage() + ")");
        }
    }

    private PcmSource mp4(Path file, FileChannel channel, BufferedInputStream in)
            throws IOException, FfmpegRequiredException {
        Mp4AudioTrack track = Mp4AudioTrack.read(file.toString(), channel);
        if (!track.codec.equals("mp4a")) {
            throw new FfmpegRequiredException(track.codec.equals("alac") ? "ALAC" : "MP4 " + track.codec);
        }
        Optional<Path> executable = ffmpeg.get();
        AacMp4Source.Fallback fallback = executable.isEmpty() ? null : () -> FfmpegSource.open(file.toString(),
                executable.get(), file, null, "ffmpeg cannot decode this AAC file either");
        return AacMp4Source.open(file.toString(), in, track, fallback);
    }

    /**
     * @param in the file's stream at its first byte, or null to give ffmpeg the path
     * @param unknown whether no magic number matched: ffmpeg gets the path (its probe may need the extension), and its
     *     failure means "not audio"
     */
    private PcmSource ffmpeg(Path file, InputStream in, String formatName, boolean unknown) throws IOException {
        Optional<Path> executable = ffmpeg.get();
        if (executable.isEmpty()) {
            throw new UnsupportedAudioException(file + (unknown ? ": not a recognised audio format"
                    : ": " + formatName + " needs ffmpeg, which is not installed"));
        }
        String failure = unknown ? "not audio, or a format no decoder here reads; ffmpeg says"
                : "ffmpeg cannot decode this " + formatName + " file";
        return FfmpegSource.open(file.toString(), executable.get(), file, unknown ? null : in, failure);
    }
}
