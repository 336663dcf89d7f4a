package org.deckhand.search.internal;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The analyzer of every free-text field: Unicode word tokens, lower-cased and folded to ASCII, so that case and
 * accents do not matter ({@code Björk} and {@code BJORK} both give {@code bjork}). {@link #normalize} applies the
 * same lower-casing and folding to a whole keyword without splitting it.
 */
final class FoldingAnalyzer extends Analyzer {

    private static final int POSITION_GAP = 100;

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = new StandardTokenizer();
        return new TokenStreamComponents(tokenizer, new ASCIIFoldingFilter(new LowerCaseFilter(tokenizer)));
    }

    /** Keeps a phrase from matching across two values of a field, such as two artists. */
    @Override
    public int getPositionIncrementGap(String fieldName) {
        return POSITION_GAP;
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }
}
