package org.deckhand.api.catalog;

import java.util.Collection;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The catalog's ledger of analysis: a persistent queue of tracks waiting to be analysed, and the outcome of every
 * analyser's run over every track. A service; thread-safe; each method is one transaction, so the queue survives a
 * crash or a restart. Results themselves are stored through {@link Catalog#saveAnalysis}, which also records the
 * successful run.
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
     * @param limit the most failures to return, positive
     * @return the latest failed runs, newest first
     */
    List<AnalysisFailure> failures(int limit);
}
