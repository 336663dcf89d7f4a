package org.deckhand.mixer.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.deckhand.mixer.internal.service.MixService;
import org.deckhand.mixer.internal.service.MixView;
import org.deckhand.mixer.internal.service.Seed;
import org.deckhand.mixer.internal.service.TestServices;
import org.deckhand.mixer.internal.testing.Ffmpeg;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamServletTest {

    @TempDir
    Path data;

    private MixService service;
    private StreamServlet servlet;
    private MixView mix;

    @BeforeEach
    void create() {
        service = TestServices.mixService(data, 1);
        servlet = new StreamServlet(service);
        mix = service.create(new Seed(null, "1", null), null);
    }

    @AfterEach
    void stop() {
        TestServices.stop(service);
    }

    @Test
    void aWrongOrMissingTokenIs403AndAnUnknownMix404() throws Exception {
        assertEquals(403, get("/" + mix.id() + ".mp3", Map.of("token", "wrong"), Map.of()).status);
        assertEquals(403, get("/" + mix.id() + ".mp3", Map.of(), Map.of()).status);
        assertEquals(404, get("/nosuchmix.mp3", Map.of("token", mix.token()), Map.of()).status);
        assertEquals(404, get("/" + mix.id() + ".ogg", Map.of("token", mix.token()), Map.of()).status);
        assertEquals(400, get("/" + mix.id() + ".mp3", Map.of("token", mix.token(), "bitrate", "100"),
                Map.of()).status);
    }

    @Test
    void playlistsListTheMp3UrlAtTheAddressThePlayerConnectedToWhateverHostItClaims() throws Exception {
        String url = "http://192.168.1.20:8750/stream/" + mix.id() + ".mp3?token=" + mix.token();
        FakeHttp.Response m3u = get("/" + mix.id() + ".m3u", Map.of("token", mix.token()),
                Map.of("Host", "attacker.example:8080"));
        assertEquals("audio/x-mpegurl", m3u.headers.get("Content-Type"));
        assertTrue(m3u.body.toString(StandardCharsets.UTF_8).contains("\n" + url + "\n"), m3u.body.toString());
        FakeHttp.Response pls = get("/" + mix.id() + ".pls", Map.of("token", mix.token()),
                Map.of("Host", "attacker.example:8080"));
        assertEquals("audio/x-scpls", pls.headers.get("Content-Type"));
        assertTrue(pls.body.toString(StandardCharsets.UTF_8).contains("File1=" + url + "\n"), pls.body.toString());
        FakeHttp.Response ipv6 = get("/" + mix.id() + ".m3u", Map.of("token", mix.token()),
                Map.of("X-Test-Local-Address", "fd00:0:0:0:0:0:0:20"));
        assertTrue(ipv6.body.toString(StandardCharsets.UTF_8).contains("\nhttp://[fd00:0:0:0:0:0:0:20]:8750/stream/"),
                ipv6.body.toString());
    }

    @Test
    void playlistsListTheMp3UrlUnderThePublicUrlWhenOneIsSet() throws Exception {
        TestServices.setPublicUrl(service, 1, "https://music.example.org/");
        FakeHttp.Response proxied = get("/" + mix.id() + ".m3u", Map.of("token", mix.token()), Map.of());
        TestServices.setPublicUrl(service, 1, "music.example.org");
        FakeHttp.Response unusable = get("/" + mix.id() + ".m3u", Map.of("token", mix.token()), Map.of());

        assertTrue(proxied.body.toString(StandardCharsets.UTF_8).contains("\nhttps://music.example.org/stream/"
                + mix.id() + ".mp3?token=" + mix.token() + "\n"), proxied.body.toString());
        assertTrue(unusable.body.toString(StandardCharsets.UTF_8).contains("\nhttp://192.168.1.20:8750/stream/"),
                "a setting that is no URL is not used: " + unusable.body);
    }

    @Test
    void anIcyMp3StreamCarriesTheTitleEvery16000BytesAndValidFrames() throws Exception {
        FakeHttp.Response response = get("/" + mix.id() + ".mp3", Map.of("token", mix.token(), "bitrate", "128"),
                Map.of("Icy-MetaData", "1"));
        assertEquals("16000", response.headers.get("icy-metaint"));
        assertEquals("audio/mpeg", response.headers.get("Content-Type"));
        byte[] stream = response.body.toByteArray();
        ByteArrayOutputStream audio = new ByteArrayOutputStream();
        int at = 0;
        String firstTitle = null;
        while (at + 16_000 < stream.length) {
            audio.write(stream, at, 16_000);
            at += 16_000;
            int length = (stream[at] & 0xFF) * 16;
            if (length > 0 && firstTitle == null) {
                firstTitle = new String(stream, at + 1, length, StandardCharsets.UTF_8).replace("\0", "");
            }
            at += 1 + length;
        }
        assertEquals("StreamTitle='Odd Artist 1 - Track 1';", firstTitle);
        Path file = Files.write(data.resolve("heard.mp3"), audio.toByteArray());
        Ffmpeg.Decoded decoded = Ffmpeg.decode(file, "-f", "mp3");
        assertEquals("", decoded.errors());
        assertEquals(audio.size() * 8.0 / 128_000, decoded.seconds(), 0.1);
        assertEquals(0, service.get(mix.id()).listeners());
    }

    @Test
    void aHeadRequestGetsTheHeadersWithoutTakingAListenersPlace() throws Exception {
        FakeHttp.Response response = new FakeHttp.Response(0);
        servlet.doHead(FakeHttp.request("/" + mix.id() + ".flac", Map.of("token", mix.token()), Map.of()),
                response.proxy());
        assertEquals(200, response.status);
        assertEquals("audio/flac", response.headers.get("Content-Type"));
        assertEquals(0, response.body.size());
        assertEquals(0, service.get(mix.id()).listeners());
    }

    private FakeHttp.Response get(String path, Map<String, String> parameters, Map<String, String> headers)
            throws Exception {
        FakeHttp.Response response = new FakeHttp.Response(50_000);
        servlet.doGet(FakeHttp.request(path, parameters, headers), response.proxy());
        return response;
    }
}
