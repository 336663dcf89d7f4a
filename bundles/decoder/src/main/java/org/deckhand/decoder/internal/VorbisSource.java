package org.deckhand.decoder.internal;

import com.jcraft.jogg.Packet;
import com.jcraft.jogg.Page;
import com.jcraft.jogg.StreamState;
import com.jcraft.jogg.SyncState;
import com.jcraft.jorbis.Block;
import com.jcraft.jorbis.Comment;
import com.jcraft.jorbis.DspState;
import com.jcraft.jorbis.Info;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ogg Vorbis (Vorbis I specification; Ogg, RFC 3533) through JOrbis: pages from {@link SyncState}, packets from
 * {@link StreamState}, the three header packets into {@link Info}, audio packets through {@link Block} and {@link
 * DspState}. The output ends at the granule position of the last page (the end trimming of Vorbis I section A.2).
 * Chained streams are followed: a new beginning-of-stream page restarts the header reading. A file cut inside a page
 * gives what its complete pages hold, with a warning. JOrbis is never given the file's comment header, only an empty
 * one.
 */
final class VorbisSource implements PcmSource {

    private static final Logger LOG = LoggerFactory.getLogger(VorbisSource.class);
    private static final int READ_BYTES = 16 * 1024;
    private static final int VORBIS_HEADERS = 3;
    private static final byte COMMENT_HEADER_TYPE = 3;
    /**
     * A comment header with no vendor string and no comment (Vorbis I, section 5.2.1), given to JOrbis in place of the
     * file's: decoding needs none of the comments, and JOrbis allocates the count and the lengths the file claims
     * before it reads them.
     */
    private static final byte[] EMPTY_COMMENT_HEADER = {COMMENT_HEADER_TYPE, 'v', 'o', 'r', 'b', 'i', 's', 0, 0, 0, 0,
        0, 0, 0, 0, 1};

    private final String fileName;
    private final InputStream in;
    private final SyncState sync = new SyncState();
    private final StreamState stream = new StreamState();
    private final Page page = new Page();
    private final Packet packet = new Packet();
    private final Info info = new Info();
    private final Comment comment = new Comment();
    private final DspState dsp = new DspState();
    private final Block vorbisBlock = new Block(dsp);
    private final float[][][] pcm = new float[1][][];
    private int[] pcmIndex;
    private float[][] block;
    private int headersLeft = VORBIS_HEADERS;
    private int sampleRateHz;
    private Speaker[] speakers;
    private long framesOut;
    private long chainStart;
    private long granuleEnd = -1;
    private boolean endOfFile;

    private VorbisSource(String fileName, InputStream in) {
        this.fileName = fileName;
        this.in = in;
        sync.init();
    }

    /**
     * @param fileName the file's name, for messages
     * @param in the stream at the first {@code OggS} page
     * @return the decoder, after the header packets
     * @throws IOException if the headers cannot be read
     */
    static VorbisSource open(String fileName, InputStream in) throws IOException {
        VorbisSource source = new VorbisSource(fileName, in);
        while (source.headersLeft > 0) {
            if (!source.nextPacket()) {
                throw new IOException(fileName + ": the Ogg Vorbis headers are incomplete");
            }
            source.headerPacket();
        }
        return source;
    }

    private void headerPacket() throws IOException {
        if (packet.bytes > 0 && packet.packet_base[packet.packet] == COMMENT_HEADER_TYPE) {
            packet.packet_base = EMPTY_COMMENT_HEADER.clone();
            packet.packet = 0;
            packet.bytes = EMPTY_COMMENT_HEADER.length;
        }
        if (info.synthesis_headerin(comment, packet) < 0) {
            throw new IOException(fileName + ": Vorbis header packet " + (VORBIS_HEADERS - headersLeft + 1)
                    + " is not valid");
        }
        headersLeft--;
        if (headersLeft == 0) {
            if (speakers == null) {
                sampleRateHz = info.rate;
                speakers = Speaker.vorbisOrder(info.channels);
                block = new float[info.channels][4096];
                pcmIndex = new int[info.channels];
            } else if (info.rate != sampleRateHz || info.channels != speakers.length) {
                throw new IOException(fileName + ": a chained Ogg stream changes the format to " + info.rate
                        + " Hz, " + info.channels + " channels");
            }
            dsp.synthesis_init(info);
            vorbisBlock.init(dsp);
        }
    }

    /** Reads the next packet of the current logical stream into {@link #packet}; false at the end of the file. */
    private boolean nextPacket() throws IOException {
        while (true) {
            int result = stream.packetout(packet);
            if (result == 1) {
                return true;
            }
            if (result == 0 && !nextPage()) {
                return false;
            }
        }
    }

    /** Reads the next page into the stream state; false at the end of the file. */
    private boolean nextPage() throws IOException {
        while (true) {
            int result = sync.pageout(page);
            if (result == 1) {
                if (page.bos() != 0) {
                    stream.init(page.serialno());
                    if (speakers != null) {
                        chainStart = framesOut;
                        info.init();
                        comment.init();
                        headersLeft = VORBIS_HEADERS;
                        granuleEnd = -1;
                    }
                }
                stream.pagein(page);
                if (page.eos() != 0 && page.granulepos() >= 0) {
                    granuleEnd = chainStart + page.granulepos();
                }
                return true;
            }
            if (result == 0) {
                if (endOfFile) {
                    return false;
                }
                int at = sync.buffer(READ_BYTES);
                int n = in.read(sync.data, at, READ_BYTES);
                if (n < 0) {
                    endOfFile = true;
                } else {
                    sync.wrote(n);
                }
            }
        }
    }

    @Override
    public int sampleRateHz() {
        return sampleRateHz;
    }

    @Override
    public Speaker[] speakers() {
        return speakers;
    }

    @Override
    public String decoderName() {
        return "jorbis";
    }

    @Override
    public int decodeBlock() throws IOException {
        while (true) {
            int available = headersLeft == 0 ? dsp.synthesis_pcmout(pcm, pcmIndex) : 0;
            if (available > 0) {
                int n = Math.min(available, block[0].length);
                if (granuleEnd >= 0) {
                    n = (int) Math.max(0, Math.min(n, granuleEnd - framesOut));
                }
                if (n == 0) {
                    dsp.synthesis_read(available);
                    continue;
                }
                for (int c = 0; c < block.length; c++) {
                    System.arraycopy(pcm[0][c], pcmIndex[c], block[c], 0, n);
                }
                dsp.synthesis_read(n);
                framesOut += n;
                return n;
            }
            if (!nextPacket()) {
                return end();
            }
            if (headersLeft > 0) {
                headerPacket();
            } else if (vorbisBlock.synthesis(packet) == 0) {
                dsp.synthesis_blockin(vorbisBlock);
            }
        }
    }

    private int end() throws IOException {
        if (framesOut == 0) {
            throw new IOException(fileName + ": the Ogg Vorbis file holds no decodable audio");
        }
        if (sync.getBufferOffset() > sync.getDataOffset()) {
            LOG.warn("{}: the Ogg file ends inside a page (truncated?); decoding stops after {} s", fileName,
                    String.format("%.2f", framesOut / (double) sampleRateHz));
        }
        return -1;
    }

    @Override
    public float[][] block() {
        return block;
    }

    @Override
    public void close() {
        vorbisBlock.clear();
        dsp.clear();
        info.clear();
        stream.clear();
        sync.clear();
    }
}
