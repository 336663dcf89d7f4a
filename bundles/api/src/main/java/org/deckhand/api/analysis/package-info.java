/**
 * The analyser SPI: how an analyser, built in or from a plugin, declares what audio it wants and which results it
 * returns, and how it receives decoded audio.
 *
 * <p>An analyser is an OSGi service of type {@link org.deckhand.api.analysis.Analyser}. For each track the pipeline
 * decodes the file once, converts the audio to the {@link org.deckhand.api.analysis.PcmFormat} the analyser declares,
 * calls {@link org.deckhand.api.analysis.Analyser#begin begin}, hands it the audio in
 * {@link org.deckhand.api.analysis.PcmBlock blocks}, then asks for the
 * {@link org.deckhand.api.analysis.AnalysisResult result}. The shape follows TarsosDSP's audio processor chain: one
 * decode feeds many consumers. Analyses of the same track share work through the run's
 * {@link org.deckhand.api.analysis.AnalysisContext}, never through static state.
 *
 * <p>Versions: 1.4 adds the context ({@code begin} with four arguments, whose default calls the three-argument one),
 * so analysers built against 1.0 to 1.3 run unchanged.
 */
@Export
@Version("1.4.0")
package org.deckhand.api.analysis;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
