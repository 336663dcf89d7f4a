package org.deckhand.distribution;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * One LAN player on a mix's MP3 stream: it connects over HTTP (optionally asking for ICY metadata), reads the audio
 * as it comes and keeps what a listener would notice: how many audio bytes arrived, whether they kept up with the
 * stream's real-time rate from the first byte on, and the titles the stream announced.
 */
final class StreamListener implements AutoCloseable {

    /** The rate of a 192 kbit/s CBR stream, in bytes per second. */
    static final int BYTES_PER_SECOND = 192_000 / 8;

    private final HttpURLConnection connection;
    private final int status;
    private final InputStream body;
    private final IcyReader icy;
    private final ByteArrayOutputStream kept;
    private final byte[] buffer = new byte[8192];
    private long firstByteNanos;
    private long audioBytes;
    private double worstLagBytes = Double.NEGATIVE_INFINITY;

    private StreamListener(HttpURLConnection connection, boolean keepAudio) throws IOException {
        this.connection = connection;
        this.status = connection.getResponseCode();
        this.body = status == 200 ? connection.getInputStream() : null;
        String metaInterval = connection.getHeaderField("icy-metaint");
        this.icy = body != null && metaInterval != null ? new IcyReader(body, Integer.parseInt(metaInterval)) : null;
        this.kept = keepAudio ? new ByteArrayOutputStream() : null;
    }

    /**
     * Connects to a stream and reads its response's head.
     *
     * @param uri the stream's absolute URL, with its token
     * @param icyMetadata whether to ask for ICY metadata ({@code Icy-MetaData: 1})
     * @param keepAudio whether to keep the audio bytes read, for {@link #audio()}
     * @return the listener, connected, whatever the status
     * @throws IOException if the server does not answer within 10 s
     */
    static StreamListener open(URI uri, boolean icyMetadata, boolean keepAudio) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        connection.setConnectTimeout(5_000);
        connection.setReadTimeout(10_000);
        if (icyMetadata) {
            connection.setRequestProperty("Icy-MetaData", "1");
        }
        return new StreamListener(connection, keepAudio);
    }

    int status() {
        return status;
    }

    String header(String name) {
        return connection.getHeaderField(name);
    }

    /**
     * Reads what has arrived, at most up to the next ICY metadata block.
     *
     * @return the audio bytes read, -1 when the stream ended cleanly
     * @throws IOException if the connection broke or the stream is not readable (status other than 200)
     */
    int readSome() throws IOException {
        if (body == null) {
            throw new IOException(connection.getURL() + " answered " + status);
        }
        long before = audioBytes;
        int read = icy != null ? icy.read(buffer) : body.read(buffer);
        long now = System.nanoTime();
        if (read > 0) {
            if (firstByteNanos == 0) {
                firstByteNanos = now;
            } else {
                worstLagBytes = Math.max(worstLagBytes, (now - firstByteNanos) / 1e9 * BYTES_PER_SECOND - before);
            }
            audioBytes += read;
            if (kept != null) {
                kept.write(buffer, 0, read);
            }
        }
        return read;
    }

    /**
     * Reads for a while, or until the stream ends.
     *
     * @param duration how long to read, from now
     * @return whether the stream was still going when the time was up
     * @throws IOException if the connection broke
     */
    boolean listen(Duration duration) throws IOException {
        long until = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < until) {
            if (readSome() < 0) {
                return false;
            }
        }
        return true;
    }

    /** @return the audio bytes read so far, ICY metadata left out */
    long audioBytes() {
        return audioBytes;
    }

    /** @return the seconds since the first audio byte arrived, 0 before it */
    double secondsSinceFirstByte() {
        return firstByteNanos == 0 ? 0 : (System.nanoTime() - firstByteNanos) / 1e9;
    }

    /**
     * The largest lag of the bytes received behind a player that started playing at the first byte and plays at
     * the stream's real-time rate, measured each time bytes arrived: above 0, that player ran dry unless it had
     * buffered that many seconds before playing.
     *
     * @return the lag, in seconds of audio; negative when the stream always stayed ahead
     */
    double worstLagSeconds() {
        return worstLagBytes / BYTES_PER_SECOND;
    }

    /** @return the titles announced so far, when ICY metadata was asked for */
    List<IcyReader.Title> titles() {
        return icy == null ? List.of() : icy.titles();
    }

    /** @return the audio bytes read, when the listener keeps them */
    byte[] audio() {
        return kept.toByteArray();
    }

    /** Hangs up, as a player does when it stops. */
    @Override
    public void close() {
        connection.disconnect();
    }
}
