package org.deckhand.mixer.internal.stream;

/**
 * Where a track's title begins in an encoded stream.
 *
 * @param position the byte of the stream (counted from its first byte after the header) where the track's fade-in
 *     starts
 * @param title "Artist - Title"
 */
record TitleMark(long position, String title) {
}
