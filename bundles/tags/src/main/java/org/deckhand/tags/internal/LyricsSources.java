package org.deckhand.tags.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.deckhand.api.library.Lyrics;
import org.jaudiotagger.tag.FieldKey;
import org.jaudiotagger.tag.Tag;
import org.jaudiotagger.tag.TagField;
import org.jaudiotagger.tag.id3.AbstractID3v2Frame;
import org.jaudiotagger.tag.id3.AbstractID3v2Tag;
import org.jaudiotagger.tag.id3.framebody.FrameBodyUSLT;

/**
 * Where a track's lyrics are found: an LRC file beside it with the same name, else its tags (ID3v2 {@code USLT}
 * with its language; the field JAudioTagger maps to {@link FieldKey#LYRICS}: Vorbis comment {@code LYRICS}, MP4
 * {@code ©lyr}; and the {@code UNSYNCEDLYRICS} comment foobar2000 and Mp3tag write).
 */
final class LyricsSources {

    /** The largest LRC file read, bytes: lyrics are a few KB, and anything this big is not lyrics. */
    static final long MAX_LRC_BYTES = 512 * 1024;
    private static final String USLT = "USLT";
    private static final String UNSYNCED = "UNSYNCEDLYRICS";

    private LyricsSources() {
    }

    /**
     * @param audio an audio file
     * @return the lyrics of {@code NAME.lrc} (or {@code NAME.LRC}) beside {@code NAME.EXT}; UTF-8, else Windows-1252
     * @throws IOException if the LRC file exists but cannot be read, or is larger than {@value #MAX_LRC_BYTES}
     *     bytes
     */
    static Optional<Lyrics> besideFile(Path audio) throws IOException {
        String name = audio.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        for (String extension : List.of(".lrc", ".LRC")) {
            Path lrc = audio.resolveSibling(base + extension);
            if (Files.isRegularFile(lrc)) {
                long size = Files.size(lrc);
                if (size > MAX_LRC_BYTES) {
                    throw new IOException(lrc + " is " + size + " bytes, more than lyrics (at most " + MAX_LRC_BYTES
                            + ")");
                }
                return LrcText.parse(decode(Files.readAllBytes(lrc)), null);
            }
        }
        return Optional.empty();
    }

    /**
     * @param tag a file's tag
     * @return the lyrics it holds
     */
    static Optional<Lyrics> inTag(Tag tag) {
        if (tag instanceof AbstractID3v2Tag id3) {
            for (TagField field : id3.getFields(USLT)) {
                if (field instanceof AbstractID3v2Frame frame && frame.getBody() instanceof FrameBodyUSLT body
                        && body.getLyric() != null) {
                    Optional<Lyrics> lyrics = LrcText.parse(body.getLyric(), body.getLanguage());
                    if (lyrics.isPresent()) {
                        return lyrics;
                    }
                }
            }
            return Optional.empty();
        }
        return text(() -> tag.getFirst(FieldKey.LYRICS)).flatMap(text -> LrcText.parse(text, null))
                .or(() -> text(() -> tag.getFirst(UNSYNCED)).flatMap(text -> LrcText.parse(text, null)));
    }

    /**
     * @param field reads one field of a tag; JAudioTagger throws when the tag's format has no such field
     * @return the field's text, empty when it is absent, blank or not in this tag's format
     */
    private static Optional<String> text(Supplier<String> field) {
        try {
            return Optional.ofNullable(field.get()).filter(value -> !value.isBlank());
        } catch (RuntimeException notInThisFormat) {
            return Optional.empty();
        }
    }

    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, Charset.forName("windows-1252"));
        }
    }
}
