package org.deckhand.decoder.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import org.deckhand.media.Mp4Box;
import org.deckhand.media.Mp4BoxHeader;

/**
 * The first audio track of an MP4/M4A file (ISO/IEC 14496-12, the ISO base media file format; ISO/IEC 14496-14 for
 * the {@code esds} box): its codec, the AAC AudioSpecificConfig, its sample table ({@code stsz}, {@code stsc}, {@code
 * stco}/{@code co64}) and its edit list ({@code elst}: the encoder's priming and the playable length).
 *
 * <p>The {@code moov} box is read with positional reads of the file's channel, wherever it sits (ffmpeg and iTunes
 * usually write it after the audio). Only the top-level box headers and the {@code moov} box (a few kilobytes per
 * minute of audio) are read this way, ahead of the single front-to-back read that decodes the samples and hashes the
 * file: memory stays bounded for any length, and the audio data is read once. The {@code moov} bytes are read twice.
 */
final class Mp4AudioTrack {

    final String codec;
    final byte[] audioSpecificConfig;
    final int channels;
    final int mediaTimescale;
    final long primingSamples;
    final long playableSamples;
    private final int constantSampleBytes;
    private final int[] sampleBytes;
    private final int sampleCount;
    private final long[] chunkOffsets;
    private final int[] stscFirstChunk;
    private final int[] stscSamplesPerChunk;

    private Mp4AudioTrack(Parsed p) {
        codec = p.codec;
        audioSpecificConfig = p.audioSpecificConfig;
        channels = p.channels;
        mediaTimescale = p.mediaTimescale;
        primingSamples = p.primingSamples;
        playableSamples = p.playableSamples;
        constantSampleBytes = p.constantSampleBytes;
        sampleBytes = p.sampleBytes;
        sampleCount = p.sampleCount;
        chunkOffsets = p.chunkOffsets;
        stscFirstChunk = p.stscFirstChunk;
        stscSamplesPerChunk = p.stscSamplesPerChunk;
    }

    /**
     * @param fileName the file's name, for messages
     * @param channel the file, read with positional reads only
     * @return the first audio track
     * @throws FfmpegRequiredException if the file is fragmented or its chunks are not in file order
     * @throws IOException if the file has no {@code moov} box, no audio track, or a corrupt sample table
     */
    static Mp4AudioTrack read(String fileName, FileChannel channel) throws IOException, FfmpegRequiredException {
        ByteBuffer moov = readMoov(fileName, channel);
        Parsed parsed = new Parsed();
        long movieTimescale = 0;
        long[] edit = null;
        for (Mp4Box box = Mp4Box.first(moov, 0, moov.limit()); box != null; box = box.next(moov)) {
            if (box.is("mvhd")) {
                movieTimescale = moov.getInt(box.body() + (moov.get(box.body()) == 1 ? 20 : 12)) & 0xFFFFFFFFL;
            } else if (box.is("mvex")) {
                throw new FfmpegRequiredException("fragmented MP4");
            } else if (parsed.codec == null && box.isAudioTrack(moov)) {
                edit = parseTrack(fileName, moov, box, parsed);
            }
        }
        if (parsed.codec == null) {
            throw new IOException(fileName + ": the MP4 file has no audio track");
        }
        if (edit != null && movieTimescale > 0 && parsed.mediaTimescale > 0) {
            parsed.primingSamples = edit[1];
            parsed.playableSamples = edit[0] * parsed.mediaTimescale / movieTimescale;
        }
        for (int i = 1; i < parsed.chunkOffsets.length; i++) {
            if (parsed.chunkOffsets[i] <= parsed.chunkOffsets[i - 1]) {
                throw new FfmpegRequiredException("MP4 with chunks out of file order");
            }
        }
        return new Mp4AudioTrack(parsed);
    }

    private static ByteBuffer readMoov(String fileName, FileChannel channel) throws IOException {
        Mp4BoxHeader moov = Mp4BoxHeader.findTopLevel(channel, "moov");
        if (moov == null) {
            throw new IOException(fileName + ": the MP4 file has no moov box (incomplete download?)");
        }
        boolean cutOff = moov.end() > channel.size();
        if (cutOff || moov.size() > Mp4Box.MAX_MOOV_BYTES) {
            throw new IOException(fileName + ": the MP4 moov box is " + (cutOff ? "cut off"
                    : "larger than " + (Mp4Box.MAX_MOOV_BYTES >> 20) + " MiB"));
        }
        return moov.readBody(channel);
    }

    /**
     * @return the entry count of a sample table box, read at {@code countAt} bytes into its body, once checked
     *     against the entries its size has room for, so that no array is allocated by a claim the box cannot back
     * @throws IOException if the box claims more entries than it holds
     */
    private static int entries(String fileName, ByteBuffer b, Mp4Box box, int countAt, int entryBytes)
            throws IOException {
        long count = b.getInt(box.body() + countAt) & 0xFFFFFFFFL;
        long room = Math.max(0, box.end() - (box.body() + countAt + 4)) / entryBytes;
        if (count > room) {
            throw new IOException(String.format("%s: the MP4 %s box claims %d entries, but its %d bytes hold at most "
                    + "%d (the sample table is corrupt)", fileName, box.type(), count, box.end() - box.body(), room));
        }
        return (int) count;
    }

    /** Fills {@code p} from a {@code trak} box; returns the edit {segment duration, media time} or null. */
    private static long[] parseTrack(String fileName, ByteBuffer b, Mp4Box trak, Parsed p) throws IOException {
        Mp4Box mdhd = trak.find(b, "mdia", "mdhd");
        Mp4Box stsd = trak.find(b, "mdia", "minf", "stbl", "stsd");
        Mp4Box stsz = trak.find(b, "mdia", "minf", "stbl", "stsz");
        Mp4Box stsc = trak.find(b, "mdia", "minf", "stbl", "stsc");
        Mp4Box stco = trak.find(b, "mdia", "minf", "stbl", "stco");
        Mp4Box co64 = trak.find(b, "mdia", "minf", "stbl", "co64");
        if (mdhd == null || stsd == null || stsz == null || stsc == null || (stco == null && co64 == null)) {
            throw new IOException(fileName + ": the MP4 audio track's sample table is incomplete");
        }
        p.mediaTimescale = b.getInt(mdhd.body() + (b.get(mdhd.body()) == 1 ? 20 : 12));
        Mp4Box entry = Mp4Box.first(b, stsd.body() + 8, stsd.end());
        if (entry == null) {
            throw new IOException(fileName + ": the MP4 audio track has no sample description");
        }
        p.codec = entry.type();
        int version = b.getShort(entry.body() + 8);
        p.channels = b.getShort(entry.body() + 16);
        if (entry.is("mp4a")) {
            int children = entry.body() + 28 + (version == 1 ? 16 : version == 2 ? 36 : 0);
            for (Mp4Box child = Mp4Box.first(b, children, entry.end()); child != null; child = child.next(b)) {
                if (child.is("esds")) {
                    p.audioSpecificConfig = Esds.audioSpecificConfig(b, child.body() + 4, child.end());
                    p.codec = Esds.isAac(b, child.body() + 4, child.end()) ? "mp4a" : "mp4a (not AAC)";
                }
            }
        }
        p.constantSampleBytes = b.getInt(stsz.body() + 4);
        p.sampleCount = b.getInt(stsz.body() + 8);
        if (p.constantSampleBytes == 0) {
            p.sampleBytes = new int[entries(fileName, b, stsz, 8, 4)];
            for (int i = 0; i < p.sampleCount; i++) {
                p.sampleBytes[i] = b.getInt(stsz.body() + 12 + 4 * i);
            }
        }
        int runs = entries(fileName, b, stsc, 4, 12);
        p.stscFirstChunk = new int[runs];
        p.stscSamplesPerChunk = new int[runs];
        for (int i = 0; i < runs; i++) {
            p.stscFirstChunk[i] = b.getInt(stsc.body() + 8 + 12 * i);
            p.stscSamplesPerChunk[i] = b.getInt(stsc.body() + 12 + 12 * i);
        }
        Mp4Box offsets = stco != null ? stco : co64;
        int chunks = entries(fileName, b, offsets, 4, stco != null ? 4 : 8);
        p.chunkOffsets = new long[chunks];
        for (int i = 0; i < chunks; i++) {
            p.chunkOffsets[i] = stco != null ? b.getInt(offsets.body() + 8 + 4 * i) & 0xFFFFFFFFL
                    : b.getLong(offsets.body() + 8 + 8 * i);
        }
        Mp4Box elst = trak.find(b, "edts", "elst");
        if (elst == null) {
            return null;
        }
        boolean wide = b.get(elst.body()) == 1;
        int edits = b.getInt(elst.body() + 4);
        for (int i = 0, at = elst.body() + 8; i < edits; i++, at += wide ? 20 : 12) {
            long duration = wide ? b.getLong(at) : b.getInt(at) & 0xFFFFFFFFL;
            long mediaTime = wide ? b.getLong(at + 8) : b.getInt(at + 4);
            if (mediaTime >= 0) {
                return new long[] {duration, mediaTime};
            }
        }
        return null;
    }

    /**
     * @return the samples (codec frames) of the track
     */
    int sampleCount() {
        return sampleCount;
    }

    /**
     * @param sample a sample index
     * @return its size, bytes
     */
    int sampleBytes(int sample) {
        return constantSampleBytes != 0 ? constantSampleBytes : sampleBytes[sample];
    }

    /**
     * @return the largest sample, bytes
     */
    int maxSampleBytes() {
        int max = constantSampleBytes;
        if (sampleBytes != null) {
            for (int size : sampleBytes) {
                max = Math.max(max, size);
            }
        }
        return max;
    }

    /** Walks the samples in file order, giving each one's file offset. */
    final class SampleCursor {
        private int sample;
        private int chunk;
        private int sampleInChunk;
        private int run;
        private long offset;

        SampleCursor() {
            offset = chunkOffsets.length > 0 ? chunkOffsets[0] : 0;
        }

        /**
         * @return whether a sample is left
         */
        boolean hasNext() {
            return sample < sampleCount && chunk < chunkOffsets.length;
        }

        /**
         * @return the file offset of the next sample; {@link #advance()} moves past it
         */
        long offset() {
            return offset;
        }

        /**
         * @return the index of the next sample
         */
        int sample() {
            return sample;
        }

        /** Moves to the sample after the current one. */
        void advance() {
            offset += sampleBytes(sample);
            sample++;
            sampleInChunk++;
            if (sampleInChunk >= stscSamplesPerChunk[run]) {
                chunk++;
                sampleInChunk = 0;
                if (run + 1 < stscFirstChunk.length && chunk + 1 >= stscFirstChunk[run + 1]) {
                    run++;
                }
                if (chunk < chunkOffsets.length) {
                    offset = chunkOffsets[chunk];
                }
            }
        }
    }

    /** The fields of a track while they are parsed. */
    private static final class Parsed {
        String codec;
        byte[] audioSpecificConfig;
        int channels;
        int mediaTimescale;
        long primingSamples;
        long playableSamples = -1;
        int constantSampleBytes;
        int[] sampleBytes;
        int sampleCount;
        long[] chunkOffsets;
        int[] stscFirstChunk;
        int[] stscSamplesPerChunk;
    }
}
