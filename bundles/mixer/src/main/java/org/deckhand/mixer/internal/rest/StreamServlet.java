package org.deckhand.mixer.internal.rest;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.NoSuchElementException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deckhand.mixer.internal.encode.Mp3Encoder;
import org.deckhand.mixer.internal.encode.StreamFormat;
import org.deckhand.mixer.internal.service.MixService;
import org.deckhand.mixer.internal.stream.IcyWriter;
import org.deckhand.mixer.internal.stream.Listening;
import org.deckhand.mixer.internal.stream.StreamKey;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /stream/{id}.mp3|flac|wav|m3u|pls?token=T}: a mix's live stream for players on the network, which need the
 * mix's token and no login. MP3 takes {@code bitrate} (kbit/s) and, for players that send {@code Icy-MetaData: 1},
 * carries ICY titles every {@value IcyWriter#META_INT} bytes; M3U and PLS list the MP3 stream's absolute URL, under
 * the mixer's publicUrl setting or at the address the player connected to. A
 * listener joins at the live edge with the stream's half-second lead as a burst, and its stream ends when the mix
 * stops or ends, when the token is renewed or when the player goes. Registered with the HTTP whiteboard.
 */
@Component(service = Servlet.class, property = {
    "osgi.http.whiteboard.servlet.pattern=/stream/*",
    "osgi.http.whiteboard.servlet.name=deckhand-mix-streams"})
public final class StreamServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(StreamServlet.class);
    private static final Pattern PATH = Pattern.compile("/([A-Za-z0-9_-]+)\\.([a-z0-9]+)");
    private static final int READ_TIMEOUT_MILLIS = 1000;
    private static final int BUFFER_BYTES = 16_384;

    private final transient MixService mixes;

    /** @param mixes the mixes */
    @Activate
    public StreamServlet(@Reference MixService mixes) {
        this.mixes = mixes;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(request, response, false);
    }

    /** Answers with the headers of the stream alone: a player that asks first must not hold a listener's place. */
    @Override
    protected void doHead(HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(request, response, true);
    }

    private void serve(HttpServletRequest request, HttpServletResponse response, boolean headOnly)
            throws IOException {
        Matcher path = PATH.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
        if (!path.matches()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "Streams are /stream/{mix}.mp3, .flac, .wav, .m3u "
                    + "or .pls, not " + request.getRequestURI());
            return;
        }
        String id = path.group(1);
        String kind = path.group(2);
        String token = request.getParameter("token");
        try {
            if (!mixes.tokenMatches(id, token)) {
                mixes.get(id);
                response.sendError(HttpServletResponse.SC_FORBIDDEN, token == null
                        ? "The stream of mix " + id + " needs its token: ?token=..."
                        : "This token does not open the stream of mix " + id + ": it is wrong or was revoked");
                return;
            }
        } catch (NoSuchElementException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, e.getMessage());
            return;
        }
        switch (kind) {
            case "m3u" -> playlist(response, "audio/x-mpegurl", "#EXTM3U\n#EXTINF:-1,Deckhand mix " + id + "\n"
                    + mp3Url(request, id, token) + "\n");
            case "pls" -> playlist(response, "audio/x-scpls", "[playlist]\nNumberOfEntries=1\nFile1="
                    + mp3Url(request, id, token) + "\nTitle1=Deckhand mix " + id + "\nLength1=-1\nVersion=2\n");
            default -> stream(request, response, id, token, kind, headOnly);
        }
    }

    /**
     * The MP3 stream's absolute URL: under the setting publicUrl, or else at the address and port the player's
     * connection reached. Never under the request's {@code Host}, which any page or proxy can set, so that a playlist
     * cannot send a player, and the mix's token, to another server.
     */
    private String mp3Url(HttpServletRequest request, String id, String token) {
        String base = mixes.publicUrl().orElseGet(() -> request.getScheme() + "://"
                + hostAndPort(request.getLocalAddr(), request.getLocalPort()) + request.getContextPath());
        return base + "/stream/" + id + ".mp3?token=" + token;
    }

    private static String hostAndPort(String address, int port) {
        String host = address.indexOf(':') >= 0 && !address.startsWith("[") ? "[" + address + "]" : address;
        return host + ":" + port;
    }

    private static void playlist(HttpServletResponse response, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setContentType(type);
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private void stream(HttpServletRequest request, HttpServletResponse response, String id, String token,
            String kind, boolean headOnly) throws IOException {
        StreamFormat format = StreamFormat.ofExtension(kind).orElse(null);
        if (format == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "Mix streams are mp3, flac, wav, m3u or pls, not "
                    + kind);
            return;
        }
        int bitRate = 0;
        if (format == StreamFormat.MP3) {
            bitRate = bitRate(request.getParameter("bitrate"));
            if (!Mp3Encoder.isBitRate(bitRate)) {
                response.sendError(HttpServletResponse.SC_BAD_REQUEST, "bitrate must be an MP3 bit rate from 32 to "
                        + "320 kbit/s, such as 128, 192 or 320, not " + request.getParameter("bitrate"));
                return;
            }
        }
        boolean icy = format == StreamFormat.MP3 && "1".equals(request.getHeader("Icy-MetaData"));
        if (headOnly) {
            headers(response, format, icy, id, bitRate);
            return;
        }
        Listening listening;
        try {
            listening = mixes.listen(id, new StreamKey(format, bitRate));
        } catch (IllegalStateException e) {
            response.sendError(HttpServletResponse.SC_GONE, "Mix " + id + " no longer plays: " + e.getMessage());
            return;
        } catch (NoSuchElementException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, e.getMessage());
            return;
        }
        try (listening) {
            headers(response, format, icy, id, bitRate);
            OutputStream out = response.getOutputStream();
            out.write(listening.stream().header());
            pump(listening, out, icy ? new IcyWriter(out, IcyWriter.META_INT) : null, id, token);
        } catch (IOException e) {
            LOG.debug("A listener of mix {} went: {}", id, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void headers(HttpServletResponse response, StreamFormat format, boolean icy, String id,
            int bitRate) {
        response.setContentType(format.mediaType());
        response.setHeader("Cache-Control", "no-cache, no-store");
        if (icy) {
            response.setHeader("icy-metaint", Integer.toString(IcyWriter.META_INT));
            response.setHeader("icy-name", "Deckhand mix " + id);
            response.setHeader("icy-br", Integer.toString(bitRate));
        }
    }

    /** Copies the stream to the listener until it ends, the token is revoked or the listener goes. */
    private void pump(Listening listening, OutputStream out, IcyWriter icy, String id, String token)
            throws IOException, InterruptedException {
        byte[] buffer = new byte[BUFFER_BYTES];
        while (mixes.tokenMatches(id, token)) {
            long position = listening.cursor().position();
            int count = listening.read(buffer, READ_TIMEOUT_MILLIS);
            if (count < 0) {
                break;
            }
            if (count == 0) {
                continue;
            }
            if (icy != null) {
                long start = listening.cursor().position() - count;
                icy.write(buffer, count, start, listening.stream()::titleAt);
            } else {
                out.write(buffer, 0, count);
            }
            out.flush();
            if (position != listening.cursor().position() - count) {
                LOG.debug("A listener of mix {} fell behind and moved to the live edge", id);
            }
        }
        out.flush();
    }

    private int bitRate(String parameter) {
        if (parameter == null) {
            return mixes.defaultBitRateKbps();
        }
        try {
            return Integer.parseInt(parameter.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
