package org.deckhand.analysers.energy;

/**
 * The features the energy rating is built from, over a track or a span of it.
 *
 * @param levelDbfs the mean square of the mono mix in decibels (dBFS; a full-scale sine reads -3)
 * @param onsetsPerSecond the onset density (1/s)
 * @param centroidHz the magnitude-weighted mean spectral centroid (Hz)
 * @param fluxPerFrame the mean spectral flux per frame (log-magnitude units summed over bins)
 */
record EnergyFeatures(double levelDbfs, double onsetsPerSecond, double centroidHz, double fluxPerFrame) {
}
