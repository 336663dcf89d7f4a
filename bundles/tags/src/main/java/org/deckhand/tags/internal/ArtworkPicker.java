package org.deckhand.tags.internal;

import java.util.List;
import java.util.Optional;
import org.deckhand.api.library.Artwork;
import org.jaudiotagger.tag.Tag;

/**
 * Picks the picture to show for a file: the front cover (picture type 3 of ID3v2 APIC and FLAC/Vorbis
 * METADATA_BLOCK_PICTURE), else the first embedded picture. Linked pictures (a URL instead of bytes) are skipped.
 */
final class ArtworkPicker {

    private static final int FRONT_COVER = 3;

    private ArtworkPicker() {
    }

    /** @return whether the tag holds an embedded picture; false when it is null or its pictures cannot be read */
    static boolean hasArtwork(Tag tag) {
        return embedded(tag).stream().findAny().isPresent();
    }

    /**
     * @param tag a tag, or null
     * @return the front cover, else the first embedded picture, else empty
     */
    static Optional<Artwork> frontCover(Tag tag) {
        List<org.jaudiotagger.tag.images.Artwork> pictures = embedded(tag);
        return pictures.stream()
                .filter(picture -> picture.getPictureType() == FRONT_COVER)
                .findFirst()
                .or(() -> pictures.stream().findFirst())
                .map(picture -> new Artwork(mimeType(picture), picture.getBinaryData()));
    }

    private static List<org.jaudiotagger.tag.images.Artwork> embedded(Tag tag) {
        if (tag == null) {
            return List.of();
        }
        try {
            return tag.getArtworkList().stream()
                    .filter(picture -> !picture.isLinked() && picture.getBinaryData() != null
                            && picture.getBinaryData().length > 0)
                    .toList();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /** The declared media type, else the one the image's first bytes show. */
    private static String mimeType(org.jaudiotagger.tag.images.Artwork picture) {
        String declared = picture.getMimeType();
        if (declared != null && declared.contains("/")) {
            return declared.strip();
        }
        byte[] data = picture.getBinaryData();
        if (Bytes.startsWith(data, 0, "\u0089PNG")) {
            return "image/png";
        }
        if (Bytes.startsWith(data, 0, "\u00FF\u00D8\u00FF")) {
            return "image/jpeg";
        }
        if (Bytes.startsWith(data, 0, "GIF8")) {
            return "image/gif";
        }
        return "application/octet-stream";
    }
}
