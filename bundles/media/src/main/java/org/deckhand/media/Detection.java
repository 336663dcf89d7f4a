package org.deckhand.media;

/**
 * What {@link FormatDetector} found at the start of a file.
 *
 * @param format the format of the content
 * @param audioOffset where the audio (or the container) starts, bytes from the start of the file: past any valid ID3v2
 *     tags, at the first MPEG audio frame after a tag whose header is not valid; 0 for a file without an ID3v2 tag
 * @param garbageId3Tag whether the file starts with "ID3" but its header is not valid ID3v2 (id3.org, ID3v2.4
 *     structure, section 3.1): the bytes up to the first frame are garbage, not tags
 */
public record Detection(MediaFormat format, long audioOffset, boolean garbageId3Tag) {
}
