package org.deckhand.library.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.deckhand.api.analysis.AnalysisResult;
import org.deckhand.api.catalog.CatalogTrack;
import org.deckhand.api.library.AudioFile;
import org.deckhand.api.library.AudioProperties;
import org.deckhand.api.library.ReplayGain;
import org.deckhand.api.library.Tags;

/**
 * A track as the REST API shows it.
 *
 * @param id its catalog id
 * @param file its file: path, size in bytes, modification time, format, fingerprints
 * @param tags its tags
 * @param audio its audio stream's facts; the duration is in seconds, {@code null} when unknown
 * @param replayGain its ReplayGain tags
 * @param hasArtwork whether {@code /tracks/{id}/artwork} has a picture
 * @param added when it entered the library
 * @param missingSince when its file was found gone, or {@code null}
 * @param warnings what was wrong with its tags
 * @param analyses every analyser's values, by analyser id; series and binary values, such as waveforms, are left out
 *     ({@code /tracks/{id}/analysis} has them)
 */
public record TrackView(long id, FileView file, Tags tags, AudioView audio, ReplayGain replayGain,
        boolean hasArtwork, Instant added, Instant missingSince, List<String> warnings,
        Map<String, AnalysisView> analyses) {

    /**
     * @param path absolute path
     * @param sizeBytes size in bytes
     * @param modified last modification time
     * @param format container format
     * @param fastFingerprint XXH3-128 of sampled blocks
     * @param sha256 SHA-256 of the whole file, once known
     */
    public record FileView(String path, long sizeBytes, Instant modified, String format, String fastFingerprint,
            String sha256) {
    }

    /**
     * @param codec codec
     * @param durationSeconds playing time in seconds, or {@code null} when unknown
     * @param bitrateKbps average bit rate in kbit/s
     * @param sampleRateHz sample rate in Hz
     * @param bitsPerSample bit depth, 0 for lossy codecs
     * @param channels channel count
     * @param lossless whether the codec is lossless
     */
    public record AudioView(String codec, Double durationSeconds, int bitrateKbps, int sampleRateHz,
            int bitsPerSample, int channels, boolean lossless) {
    }

    /**
     * @param version the analyser's version
     * @param values its values by field name
     */
    public record AnalysisView(String version, Map<String, Object> values) {
    }

    /**
     * @param track a catalog track
     * @return its view
     */
    static TrackView of(CatalogTrack track) {
        AudioFile file = track.track().file();
        AudioProperties audio = track.metadata().audio();
        Map<String, AnalysisView> analyses = new TreeMap<>();
        for (AnalysisResult result : track.track().analyses()) {
            Map<String, Object> values = new TreeMap<>(result.values());
            values.values().removeIf(value -> value instanceof float[] || value instanceof byte[]);
            analyses.put(result.analyserId(), new AnalysisView(result.analyserVersion(), values));
        }
        return new TrackView(track.id(),
                new FileView(file.path().toString(), file.sizeBytes(), file.modified(), file.format(),
                        file.fastFingerprint(), file.sha256()),
                track.track().tags(),
                new AudioView(audio.codec(), Double.isNaN(audio.durationSeconds()) ? null : audio.durationSeconds(),
                        audio.bitrateKbps(), audio.sampleRateHz(), audio.bitsPerSample(), audio.channels(),
                        audio.lossless()),
                track.metadata().replayGain(), track.metadata().hasArtwork(), track.added(), track.missingSince(),
                track.metadata().warnings(), analyses);
    }
}
