/**
 * The catalog, the library's system of record: every track with its file, tags, audio facts and analysis results,
 * the files that could not be read, the library's statistics and its shelves by artist, album, genre and year, the
 * owner's crates, stars, ratings, plays, playlists and play queue, and the ledger of analysis: the queue of tracks
 * waiting for analysis, the outcome of every analyser run, and the tracks whose analysis stopped the server.
 */
@Export
@Version("1.6.0")
package org.deckhand.api.catalog;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
