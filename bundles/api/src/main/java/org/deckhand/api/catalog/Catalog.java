package org.deckhand.api.catalog;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.deckhand.api.analysis.AnalysisResult;
import org.deckhand.api.library.AudioFile;
import org.deckhand.api.library.TrackMetadata;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The library's system of record, kept in an embedded database in the data folder. A service; thread-safe. Every
 * method is one transaction: a crash leaves each change made entirely or not at all.
 *
 * <p>Every method throws {@link CatalogException} when the database fails.
 */
@ProviderType
public interface Catalog {

    /**
     * Takes a new file into the library as a new track.
     *
     * @param file the file, whose path no track holds yet
     * @param metadata what its tags say
     * @param added when it entered the library
     * @return the new track, with its id
     * @throws CatalogException if a track already holds that path, or the database fails
     */
    CatalogTrack add(AudioFile file, TrackMetadata metadata, Instant added);

    /**
     * Takes new files into the library in one transaction, which costs far less than one transaction each on a
     * first scan: the catalog's log is written to disk once for all of them.
     *
     * @param tracks the new tracks, whose paths no track holds yet, nor each other's
     * @param added when they entered the library
     * @return their ids, in the order given
     * @throws CatalogException if a track already holds one of the paths, or the database fails; then none is added
     */
    List<Long> addAll(List<NewTrack> tracks, Instant added);

    /**
     * Records that a track's file changed: new file facts and tags; the track keeps its id, and it is no longer
     * missing.
     *
     * @param trackId the track
     * @param file the file as it is now; its path may differ from the old one (a file moved and edited)
     * @param metadata what its tags say now
     * @return the track as it is now
     * @throws CatalogException if there is no such track, or the database fails
     */
    CatalogTrack update(long trackId, AudioFile file, TrackMetadata metadata);

    /**
     * Records that a track's file moved or was renamed; its id, tags and analysis stay.
     *
     * @param trackId the track
     * @param newPath where its file is now
     * @throws CatalogException if there is no such track, another track holds {@code newPath}, or the database fails
     */
    void move(long trackId, Path newPath);

    /**
     * Records the SHA-256 of a track's whole file, once it has been read in full.
     *
     * @param trackId the track
     * @param sha256 the digest in lower-case hex, 64 characters
     */
    void setSha256(long trackId, String sha256);

    /**
     * Records that a track's file is gone; the track stays, with its analysis, until it is purged.
     *
     * @param trackId the track
     * @param since when the file was found gone
     */
    void markMissing(long trackId, Instant since);

    /**
     * Deletes the tracks whose files have been missing since before {@code missingBefore}.
     *
     * @param missingBefore the grace period's start
     * @return the ids of the tracks deleted
     */
    List<Long> purgeMissing(Instant missingBefore);

    /**
     * Stores an analyser's result for a track, replacing that analyser's previous one, and records the successful
     * run in the {@link AnalysisLedger}. Readers take the built-in analysers' fields through
     * {@link org.deckhand.api.library.MusicFacts}.
     *
     * @param trackId the track
     * @param result the result
     */
    void saveAnalysis(long trackId, AnalysisResult result);

    /**
     * @param trackId a track's id
     * @return the track, if the catalog holds it
     */
    Optional<CatalogTrack> get(long trackId);

    /**
     * Reads several tracks at once, in one transaction: a page of search results.
     *
     * @param trackIds tracks' ids
     * @return the tracks the catalog holds, in the order of {@code trackIds}; ids it does not hold are left out
     * @throws CatalogException if the database fails
     */
    List<CatalogTrack> getAll(List<Long> trackIds);

    /**
     * @param path an absolute path
     * @return the track whose file is there, if any
     */
    Optional<CatalogTrack> findByPath(Path path);

    /**
     * Hands every track to {@code consumer}, in id order, one at a time, so that memory stays bounded. The tracks'
     * analysis results leave out {@link org.deckhand.api.analysis.ValueType#NUMBER_ARRAY NUMBER_ARRAY} and
     * {@link org.deckhand.api.analysis.ValueType#BINARY BINARY} values, such as waveforms; {@link #get} has them.
     *
     * @param consumer receives each track
     */
    void forEach(Consumer<CatalogTrack> consumer);

    /**
     * Lists tracks that changed since the search index last made them durable: added, updated, moved, marked missing
     * or analysed, and not yet {@linkplain #markIndexed marked} at that revision. A change and its mark are stored in
     * the same transaction, so that after a crash at any moment the index finds here every change it may have lost.
     *
     * @param afterId give only ids greater than this, to page through them; 0 for the first page
     * @param limit the most ids to give
     * @return ids of such tracks, in id order
     */
    List<Long> staleInIndex(long afterId, int limit);

    /**
     * Records that the search index has committed tracks at the given revisions. A track changed again since then
     * stays {@linkplain #staleInIndex stale}; ids no longer in the catalog are ignored.
     *
     * @param revisions each track's {@link CatalogTrack#revision()} as the index committed it, by track id
     */
    void markIndexed(Map<Long, Long> revisions);

    /**
     * @return groups of two or more tracks whose files have identical content, each group's ids in order
     */
    List<List<Long>> duplicates();

    /**
     * Records a file that could not be taken in, replacing an earlier problem with the same file.
     *
     * @param problem the file and why
     */
    void recordProblem(Problem problem);

    /**
     * Forgets the problem of a file, which was fixed or removed.
     *
     * @param path the file
     */
    void clearProblem(Path path);

    /**
     * @return every file that could not be taken in, by path
     */
    List<Problem> problems();

    /**
     * @return the tracks whose files were read only in part (truncated audio, broken tags), each with its warnings
     *     in {@link CatalogTrack#metadata()}, by path
     */
    List<CatalogTrack> tracksWithWarnings();

    /**
     * @return figures about the whole library
     */
    LibraryStats stats();
}
