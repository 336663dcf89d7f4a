package org.deckhand.api.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The catalog's ledger of analysis: a persistent queue of tracks waiting to be analysed, and the outcome of every
 * analyser's run over every track. A service; thread-safe; each method is one transaction, so the queue survives a
 * crash or a restart. What a run of the analysers over a track found (its results, failures and the file's SHA-256)
 * is stored by {@link #record} in one transaction. The track being analysed is recorded before its run and cleared
 * after it, so that a track whose analysis stopped the server (the JVM ran out of memory or was killed) is
 * quarantined at the next start instead of being analysed again first.
 *
 * <p>Every method throws {@link CatalogException} when the database fails.
 */
@ProviderType
public interface AnalysisLedger {

    /**
     * Queues tracks for analysis at the front of their priority; a track already queued moves there too, unless it
     * was queued with a higher priority.
     *
     * @param trackIds the tracks; ids the catalog does not hold are ignored
     * @param priority how soon; a track keeps the highest priority it was queued with
     * @param forgetRuns whether to forget the tracks' earlier runs, so that every analyser runs again (the file's
     *     content changed, or the user asked); their stored results stay until replaced
     */
    void request(Collection<Long> trackIds, AnalysisPriority priority, boolean forgetRuns);

    /**
     * Queues every track present in the library that an analyser, at this version, has not run over yet, with
     * {@link AnalysisPriority#BACKFILL}.
     *
     * @param analyserId the analyser's id
     * @param analyserVersion its version
     * @return how many tracks were newly queued
     */
    int requestUnanalysed(String analyserId, String analyserVersion);

    /**
     * @param limit the most ids to return, positive
     * @return the queued tracks to analyse first: highest priority first, then the most recently queued
     */
    List<QueuedTrack> head(int limit);

    /**
     * Takes a track off the queue, once every analyser has run over it or the track is gone.
     *
     * @param trackId the track
     */
    void remove(long trackId);

    /**
     * @return how many tracks wait in the queue
     */
    int size();

    /**
     * @param trackId a track
     * @return the runs of every analyser over the track, successful or failed, by analyser id
     */
    List<AnalyserRun> runs(long trackId);

    /**
     * Records that an analyser failed on a track, and deletes the analyser's earlier results for it, which no longer
     * describe the file.
     *
     * @param trackId the track
     * @param analyserId the analyser's id
     * @param analyserVersion its version
     * @param reason why, in words for the user
     */
    void recordFailure(long trackId, String analyserId, String analyserVersion, String reason);

    /**
     * Stores what one run of the analysers over a track found, in one transaction: each result, replacing that
     * analyser's earlier one, with its successful run (as {@link Catalog#saveAnalysis}); each failure, deleting that
     * analyser's earlier results, with its failed run (as {@link #recordFailure}); and the file's SHA-256. A result
     * the database refuses (a value too large for its column) fails its analyser alone, within the same transaction,
     * with the reason. So a listener told of the run once this returns finds all of it, and after a crash the catalog
     * holds all of it or none. Nothing is stored for a track the catalog no longer holds.
     *
     * @param trackId the track
     * @param outcome the run's results, failures and digest
     * @return the failures recorded: those of {@code outcome}, then the results that could not be stored, in the
     *     order given; empty when the track is gone
     * @throws CatalogException if the database fails; then nothing is stored
     * @since 1.6
     */
    List<AnalysisOutcome.Failure> record(long trackId, AnalysisOutcome outcome);

    /**
     * @param limit the most failures to return, positive
     * @return the latest failed runs, newest first
     */
    List<AnalysisFailure> failures(int limit);

    /**
     * Records, durably and before a track's run, that the track is about to be analysed by these analysers, so that
     * the next start knows it if the run stops the server ({@link #quarantineInterrupted}). Replaces an earlier attempt
     * of the same track.
     *
     * @param trackId the track
     * @param analyserVersions the version of each analyser about to run, by analyser id
     */
    void beginAttempt(long trackId, Map<String, String> analyserVersions);

    /**
     * Clears a track's attempt once its run is over, whatever its outcome.
     *
     * @param trackId the track
     */
    void endAttempt(long trackId);

    /**
     * Quarantines the tracks whose attempt was begun and never ended, whose analysis therefore stopped the server;
     * called at a start, before any analysis. Each analyser of the attempt gets a failed run with the reason (and its
     * earlier results for the track are deleted), the track is taken off the queue, and {@link #requestUnanalysed}
     * leaves it out until {@link #request} is called for it with {@code forgetRuns} (the user asked for it, or its
     * file changed).
     *
     * @param reason the failure to record, in words for the user
     * @return the tracks quarantined now, in id order
     */
    List<Long> quarantineInterrupted(String reason);
}
