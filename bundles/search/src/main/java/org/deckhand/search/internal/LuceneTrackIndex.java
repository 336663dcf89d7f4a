package org.deckhand.search.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.similarities.BooleanSimilarity;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.deckhand.api.search.IndexedTrack;
import org.deckhand.api.search.QuerySyntaxException;
import org.deckhand.api.search.SearchPage;
import org.deckhand.api.search.SearchRequest;
import org.deckhand.api.search.TrackIndex;

/**
 * The {@link TrackIndex} on a Lucene index in a folder, without OSGi. Writes go to one {@link IndexWriter}; a
 * search or {@link #size()} that follows a write first refreshes the near-real-time searcher, so changes are
 * visible at once, and {@link #commit()} makes them durable. Relevance counts which clauses match, weighted by
 * field ({@link BooleanSimilarity}), so that scores do not change as other tracks come and go and cursors stay
 * exact. Thread-safe.
 */
final class LuceneTrackIndex implements TrackIndex, Closeable {

    private final Path folder;
    private final Clock clock;
    private final Analyzer analyzer = new FoldingAnalyzer();
    private final TrackDocuments documents = new TrackDocuments(analyzer);
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final AtomicBoolean changed = new AtomicBoolean();
    private volatile ExtraFieldsOfReader extras = new ExtraFieldsOfReader(null, ExtraFields.NONE);

    /**
     * Opens the index in a folder, creating the folder and an empty index when there is none.
     *
     * @param folder the index's folder, such as {@code DATA/index/tracks}
     * @param clock the clock that ages in queries ({@code added:<7d}) are counted back from
     * @throws IOException if the folder cannot be created, or the index in it cannot be opened (because it is
     *     corrupt, too old, or locked by another process); the message names the folder
     */
    LuceneTrackIndex(Path folder, Clock clock) throws IOException {
        this.folder = folder.toAbsolutePath();
        this.clock = clock;
        Files.createDirectories(this.folder);
        Directory opened = FSDirectory.open(this.folder);
        try {
            Similarity similarity = new BooleanSimilarity();
            IndexWriterConfig config = new IndexWriterConfig(analyzer)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setSimilarity(similarity);
            boolean existed = DirectoryReader.indexExists(opened);
            IndexWriter openedWriter = new IndexWriter(opened, config);
            try {
                if (!existed) {
                    openedWriter.commit();
                }
                searchers = new SearcherManager(openedWriter, new SearcherFactory() {
                    @Override
                    public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                        IndexSearcher searcher = new IndexSearcher(reader);
                        searcher.setSimilarity(similarity);
                        return searcher;
                    }
                });
            } catch (IOException | RuntimeException e) {
                openedWriter.close();
                throw e;
            }
            writer = openedWriter;
        } catch (IOException | RuntimeException e) {
            opened.close();
            throw new IOException("Cannot open the search index in " + this.folder + " (" + e + "); if it is"
                    + " corrupt, stop the server and delete that folder: the index is derived from the catalog and"
                    + " can be rebuilt from it", e);
        }
        directory = opened;
    }

    @Override
    public void put(IndexedTrack track) {
        write(() -> writer.updateDocument(TrackDocuments.idTerm(track.id()), documents.toDocument(track)));
    }

    @Override
    public void delete(long trackId) {
        write(() -> writer.deleteDocuments(TrackDocuments.idTerm(trackId)));
    }

    @Override
    public void clear() {
        write(writer::deleteAll);
    }

    @Override
    public void commit() {
        write(writer::commit);
    }

    @Override
    public long size() {
        return withSearcher(searcher -> (long) searcher.getIndexReader().numDocs());
    }

    @Override
    public SearchPage search(SearchRequest request) throws QuerySyntaxException {
        IndexSearcher searcher = acquire();
        try {
            ExtraFields fields = extrasOf(searcher.getIndexReader());
            ParsedQuery query = new QueryParser(analyzer, fields, clock).parse(request.query());
            TrackSort sort = TrackSort.parse(request.sort(), query.scored(), fields);
            FieldDoc after = request.cursor() == null || request.cursor().isEmpty() ? null
                    : PageCursor.decode(request.cursor(), request.query(), sort);
            TopFieldDocs top = searcher.search(query.query(),
                    new TopFieldCollectorManager(sort.sort(), request.limit() + 1, after, Integer.MAX_VALUE));
            return page(request, sort, top);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot search the index in " + folder, e);
        } finally {
            release(searcher);
        }
    }

    private static SearchPage page(SearchRequest request, TrackSort sort, TopFieldDocs top) {
        int shown = Math.min(request.limit(), top.scoreDocs.length);
        List<Long> ids = new ArrayList<>(shown);
        for (int i = 0; i < shown; i++) {
            ids.add(idOf(top.scoreDocs[i]));
        }
        String next = top.scoreDocs.length > shown
                ? PageCursor.encode(request.query(), sort, (FieldDoc) top.scoreDocs[shown - 1]) : null;
        return new SearchPage(ids, top.totalHits.value, next);
    }

    private static long idOf(ScoreDoc hit) {
        Object[] values = ((FieldDoc) hit).fields;
        return (Long) values[values.length - 1];
    }

    /** Closes the searchers and the writer, committing pending changes. */
    @Override
    public void close() throws IOException {
        try {
            searchers.close();
        } finally {
            try {
                writer.close();
            } finally {
                directory.close();
            }
        }
    }

    private ExtraFields extrasOf(IndexReader reader) {
        ExtraFieldsOfReader known = extras;
        if (known.reader() != reader) {
            known = new ExtraFieldsOfReader(reader, ExtraFields.of(reader));
            extras = known;
        }
        return known.fields();
    }

    private IndexSearcher acquire() {
        try {
            if (changed.getAndSet(false)) {
                searchers.maybeRefreshBlocking();
            }
            return searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot refresh the searcher of the index in " + folder, e);
        }
    }

    private void release(IndexSearcher searcher) {
        try {
            searchers.release(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot release a searcher of the index in " + folder, e);
        }
    }

    private <T> T withSearcher(SearcherFunction<T> function) {
        IndexSearcher searcher = acquire();
        try {
            return function.apply(searcher);
        } finally {
            release(searcher);
        }
    }

    private void write(IndexAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write to the search index in " + folder, e);
        }
        changed.set(true);
    }

    /** A change to the index. */
    @FunctionalInterface
    private interface IndexAction {
        void run() throws IOException;
    }

    /** Something computed from a searcher. */
    @FunctionalInterface
    private interface SearcherFunction<T> {
        T apply(IndexSearcher searcher);
    }

    /** The extra fields of the latest reader, kept until the reader changes. */
    private record ExtraFieldsOfReader(IndexReader reader, ExtraFields fields) {
    }
}
