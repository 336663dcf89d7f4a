package org.deckhand.analysers.waveform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.deckhand.analysers.testing.AnalyserRun;
import org.deckhand.api.analysis.Analysis;
import org.deckhand.api.analysis.AnalysisException;
import org.deckhand.api.analysis.PcmBlock;
import org.deckhand.api.analysis.PcmFormat;
import org.junit.jupiter.api.Test;

/** The waveform overview against signals whose extremes and bands are known. */
class WaveformAnalyserTest {

    private static final int RATE_HZ = 44_100;

    /** Left: a 100 Hz sine at 0.5; right: an 8 kHz sine at 0.25; both for {@code seconds}. */
    private static float[][] bassLeftTrebleRight(int seconds) {
        float[][] samples = new float[2][RATE_HZ * seconds];
        for (int i = 0; i < samples[0].length; i++) {
            samples[0][i] = (float) (0.5 * Math.sin(2 * Math.PI * 100 * i / RATE_HZ));
            samples[1][i] = (float) (0.25 * Math.sin(2 * Math.PI * 8000 * i / RATE_HZ));
        }
        return samples;
    }

    private static WaveformOverview overview(Map<String, Object> values) {
        return WaveformOverview.decode((byte[]) values.get(WaveformAnalyser.PEAKS));
    }

    @Test
    void thousandPointsWithEachChannelsExtremesAndBands() throws AnalysisException {
        Map<String, Object> values = AnalyserRun.run(new WaveformAnalyser(), bassLeftTrebleRight(60), RATE_HZ)
                .values();
        assertEquals(1000L, values.get(WaveformAnalyser.POINTS));
        assertEquals(60.0, (Double) values.get(WaveformAnalyser.DURATION), 1e-9);
        WaveformOverview overview = overview(values);
        assertEquals(0.06, overview.pointSeconds(), 1e-6);
        for (int point = 0; point < overview.points(); point++) {
            assertEquals(0.5, overview.max()[0][point], 1.0 / 127 + 1e-6);
            assertEquals(-0.5, overview.min()[0][point], 1.0 / 127 + 1e-6);
            assertEquals(0.25, overview.max()[1][point], 1.0 / 127 + 1e-6);
            assertEquals(-0.25, overview.min()[1][point], 1.0 / 127 + 1e-6);
        }
        int middle = overview.points() / 2;
        // the mono mix holds the bass at 0.25 (-12 dB against a full-scale sine) and the treble at 0.125 (-18 dB)
        assertEquals(1 - 12 / 60.0, overview.low()[middle], 0.03);
        assertEquals(1 - 18 / 60.0, overview.high()[middle], 0.03);
        assertTrue(overview.mid()[middle] < overview.high()[middle] - 0.1, "mid level " + overview.mid()[middle]);
    }

    @Test
    void aBurstShowsAtItsTime() throws AnalysisException {
        float[][] samples = new float[2][RATE_HZ * 100];
        for (int i = RATE_HZ * 50; i < RATE_HZ * 51; i++) {
            samples[0][i] = (float) (0.9 * Math.sin(2 * Math.PI * 440 * i / RATE_HZ));
            samples[1][i] = samples[0][i];
        }
        WaveformOverview overview = overview(AnalyserRun.run(new WaveformAnalyser(), samples, RATE_HZ).values());
        for (int point = 0; point < overview.points(); point++) {
            boolean inBurst = point >= 500 && point < 510;
            assertEquals(inBurst ? 0.9 : 0, overview.max()[0][point], 1.0 / 127 + 1e-6, "point " + point);
        }
    }

    /** Without a known duration the bins merge as the track runs on: memory stays fixed, the points stay few. */
    @Test
    void unknownDurationStillGivesAboutAThousandPoints() throws AnalysisException {
        int sampleRateHz = 8000;
        WaveformAnalyser analyser = new WaveformAnalyser();
        Analysis analysis = analyser.begin(AnalyserRun.track(Double.NaN), new PcmFormat(sampleRateHz, 2));
        float[][] block = new float[2][sampleRateHz];
        block[0][0] = 0.5f;
        for (int second = 0; second < 1200; second++) {
            analysis.process(new PcmBlock(block, sampleRateHz, (long) second * sampleRateHz));
        }
        Map<String, Object> values = analysis.finish().values();
        long points = (Long) values.get(WaveformAnalyser.POINTS);
        assertTrue(points >= 1000 && points <= 2000, points + " points");
        assertEquals(1200.0, (Double) values.get(WaveformAnalyser.DURATION), 1e-9);
        WaveformOverview overview = overview(values);
        assertEquals(1200.0, overview.pointSeconds() * points, overview.pointSeconds());
    }

    @Test
    void binaryFormRoundTripsWithinItsQuantisation() {
        WaveformOverview original = new WaveformOverview(0.5, new float[][] {{-1f, -0.3f}, {0f, -0.01f}},
                new float[][] {{1f, 0.3f}, {0.2f, 0.01f}}, new float[] {0f, 1f}, new float[] {0.5f, 0.25f},
                new float[] {0.1f, 0.9f});
        byte[] bytes = original.encode();
        assertEquals(10 + 2 * 7, bytes.length);
        assertEquals(WaveformOverview.FORMAT_VERSION, bytes[0]);
        WaveformOverview decoded = WaveformOverview.decode(bytes);
        assertEquals(0.5, decoded.pointSeconds());
        for (int channel = 0; channel < 2; channel++) {
            for (int point = 0; point < 2; point++) {
                float min = decoded.min()[channel][point];
                float max = decoded.max()[channel][point];
                assertTrue(min <= original.min()[channel][point] && min > original.min()[channel][point] - 1f / 127);
                assertTrue(max >= original.max()[channel][point] && max < original.max()[channel][point] + 1f / 127);
            }
        }
        assertArrayEquals(new float[] {0f, 1f}, decoded.low(), 0.5f / 255 + 1e-6f);
        assertArrayEquals(new float[] {0.5f, 0.25f}, decoded.mid(), 0.5f / 255 + 1e-6f);
        assertArrayEquals(new float[] {0.1f, 0.9f}, decoded.high(), 0.5f / 255 + 1e-6f);
    }

    @Test
    void truncatedBytesAreRefused() {
        byte[] bytes = new WaveformOverview(1, new float[2][3], new float[2][3], new float[3], new float[3],
                new float[3]).encode();
        assertThrows(IllegalArgumentException.class,
                () -> WaveformOverview.decode(java.util.Arrays.copyOf(bytes, bytes.length - 1)));
    }

    @Test
    void noAudioHasNoWaveform() {
        assertThrows(AnalysisException.class,
                () -> AnalyserRun.run(new WaveformAnalyser(), new float[2][0], RATE_HZ));
    }
}
