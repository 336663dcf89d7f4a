package org.deckhand.notifier.discord.bot.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A loopback stand-in for Discord, for one bot in one server with one text channel: the REST API (version 10) on
 * an HTTP server and the gateway on a WebSocket server (Java-WebSocket), both on 127.0.0.1, speaking Discord's
 * wire format (Discord Developer Documentation: Gateway, Gateway Events, Interactions, Rate Limits). REST answers
 * need {@code Authorization: Bot <token>} (else 401 with Discord's error body), except interaction callbacks,
 * which are authorised by the interaction's token in the path. The gateway sends HELLO (op 10) on connect, answers
 * IDENTIFY (op 2) with READY (op 0, t=READY, the guild unavailable) and GUILD_CREATE, and every heartbeat (op 1)
 * with a HEARTBEAT_ACK (op 11). A rate limit is answered as Discord answers it: 429 with {@code Via},
 * {@code Retry-After} and the {@code X-RateLimit-*} headers and a body with {@code retry_after} and {@code global}
 * (without {@code Via}, JDA takes a 429 for a Cloudflare ban of every route). A test can have logins answered
 * with a 502, or gateway sessions closed with 4004, as Discord does when it is down or the token was reset.
 */
public final class DiscordStandIn implements AutoCloseable {

    public static final String GUILD = "1100000000000000001";
    public static final String CHANNEL = "1100000000000000002";
    public static final String OTHER_CHANNEL = "1100000000000000005";
    public static final String BOT = "1100000000000000003";
    public static final String DJ = "1100000000000000004";
    public static final String COMMAND_ID = "1100000000000000010";
    /** The heartbeat interval HELLO gives, in milliseconds (Discord gives about 41,250). */
    public static final int HEARTBEAT_INTERVAL = 500;
    private static final Pattern CALLBACK = Pattern.compile("/api/v10/interactions/(\\d+)/([^/]+)/callback");
    private static final String JOINED = "2026-01-01T00:00:00.000000+00:00";

    /** One request to the REST API, as received. */
    public record Request(String method, String path, String query, String authorization, JsonNode body) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final String token;
    private final HttpServer rest;
    private final Gateway gateway;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Request> callbacks = new LinkedBlockingQueue<>();
    private final AtomicLong ids = new AtomicLong(1100000000000001000L);
    private final AtomicBoolean rateLimitNextMessage = new AtomicBoolean();
    private final AtomicInteger failingLogins = new AtomicInteger();
    private final AtomicBoolean refuseGatewaySessions = new AtomicBoolean();

    /**
     * @param token the bot token Discord knows
     * @throws Exception if a server cannot start
     */
    public DiscordStandIn(String token) throws Exception {
        this.token = token;
        gateway = new Gateway(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        gateway.setReuseAddr(true);
        gateway.start();
        if (!gateway.started.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("The gateway stand-in did not start");
        }
        rest = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        rest.createContext("/api/v10/", this::handle);
        rest.start();
    }

    /** @return the REST API base to give JDA, ending in {@code /api/v10/} */
    public String apiBase() {
        return "http://127.0.0.1:" + rest.getAddress().getPort() + "/api/v10/";
    }

    /** @return every REST request so far, in order */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** @return the IDENTIFY payloads (op 2) the gateway received, in order */
    public List<JsonNode> identifies() {
        return List.copyOf(gateway.identifies);
    }

    /** @return how many heartbeats (op 1) the gateway received, each answered with op 11 */
    public int heartbeats() {
        return gateway.heartbeats.get();
    }

    /** Answers the next {@code POST /channels/{id}/messages} with a per-route 429 as Discord does. */
    public void rateLimitNextMessage() {
        rateLimitNextMessage.set(true);
    }

    /**
     * Answers the next {@code GET /users/@me} requests, with which a bot logs in, with a 502 as Discord's edge does
     * when Discord is down.
     *
     * @param count how many
     */
    public void failLogins(int count) {
        failingLogins.set(count);
    }

    /** @return how many {@code GET /users/@me} requests (logins) came so far */
    public long logins() {
        return requests.stream().filter(r -> r.method().equals("GET") && r.path().endsWith("/users/@me")).count();
    }

    /**
     * Closes every gateway session at its IDENTIFY with close code 4004 (Authentication failed), as Discord does
     * when the token was reset after the REST API took it.
     */
    public void refuseGatewaySessions() {
        refuseGatewaySessions.set(true);
    }

    /**
     * Sends the bot an INTERACTION_CREATE (op 0) for {@code /deckhand <subcommand>} typed by a member.
     *
     * @param channelId the channel it is typed in
     * @param subcommand {@code search} or {@code status}
     * @param query the search's query, or null
     * @return the interaction's id
     */
    public String interact(String channelId, String subcommand, String query) {
        String id = Long.toString(ids.incrementAndGet());
        ObjectNode option = json.createObjectNode().put("name", subcommand).put("type", 1);
        ArrayNode options = option.putArray("options");
        if (query != null) {
            options.addObject().put("name", "query").put("type", 3).put("value", query);
        }
        ObjectNode data = json.createObjectNode().put("id", COMMAND_ID).put("name", "deckhand").put("type", 1);
        data.putArray("options").add(option);
        ObjectNode interaction = json.createObjectNode().put("id", id).put("application_id", BOT).put("type", 2)
                .put("token", "interaction-token-" + id).put("version", 1).put("guild_id", GUILD)
                .put("channel_id", channelId).put("locale", "en-GB").put("guild_locale", "en-US")
                .put("app_permissions", "84992").put("context", 0);
        interaction.set("data", data);
        ObjectNode guild = interaction.putObject("guild").put("id", GUILD).put("locale", "en-US");
        guild.putArray("features");
        interaction.set("channel", channel(channelId, channelId.equals(CHANNEL) ? "deckhand" : "general"));
        ObjectNode member = member(user(DJ, "selector", false)).put("permissions", "84992");
        interaction.set("member", member);
        interaction.putArray("entitlements");
        interaction.putObject("authorizing_integration_owners").put("0", GUILD);
        gateway.dispatch("INTERACTION_CREATE", interaction);
        return id;
    }

    /**
     * @param timeout the longest wait
     * @return the next interaction callback the bot posted
     * @throws InterruptedException if interrupted
     */
    public Request nextCallback(Duration timeout) throws InterruptedException {
        Request callback = callbacks.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (callback == null) {
            throw new AssertionError("The bot did not answer the interaction within " + timeout);
        }
        return callback;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] raw = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            JsonNode body = raw.length == 0 ? null : json.readTree(raw);
            Request request = new Request(method, path, exchange.getRequestURI().getQuery(),
                    exchange.getRequestHeaders().getFirst("Authorization"), body);
            requests.add(request);
            Matcher callback = CALLBACK.matcher(path);
            if (callback.matches() && method.equals("POST")) {
                answerCallback(exchange, callback.group(1), body);
                callbacks.add(request);
                return;
            }
            if (!("Bot " + token).equals(request.authorization())) {
                send(exchange, 401, json.createObjectNode().put("message", "401: Unauthorized").put("code", 0));
                return;
            }
            String route = method + " " + path.substring("/api/v10/".length());
            if (route.equals("GET users/@me") && failingLogins.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                send(exchange, 502, json.createObjectNode().put("message", "502: Bad Gateway").put("code", 0));
            } else if (route.equals("GET users/@me")) {
                send(exchange, 200, user(BOT, "Deckhand", true));
            } else if (route.equals("GET gateway/bot")) {
                ObjectNode answer = json.createObjectNode().put("url", "ws://127.0.0.1:" + gateway.getPort())
                        .put("shards", 1);
                answer.putObject("session_start_limit").put("total", 1000).put("remaining", 999)
                        .put("reset_after", 14_400_000).put("max_concurrency", 1);
                send(exchange, 200, answer);
            } else if (route.equals("PUT applications/" + BOT + "/commands")) {
                ArrayNode commands = json.createArrayNode();
                for (JsonNode command : body) {
                    ObjectNode registered = ((ObjectNode) command.deepCopy()).put("id", COMMAND_ID)
                            .put("application_id", BOT).put("version", COMMAND_ID);
                    if (!registered.has("contexts")) {
                        registered.putArray("contexts").add(0);
                    }
                    if (!registered.has("integration_types")) {
                        registered.putArray("integration_types").add(0);
                    }
                    commands.add(registered);
                }
                send(exchange, 200, commands);
            } else if (route.equals("POST channels/" + CHANNEL + "/messages")) {
                if (rateLimitNextMessage.getAndSet(false)) {
                    exchange.getResponseHeaders().add("Via", "1.1 google");
                    exchange.getResponseHeaders().add("Retry-After", "1");
                    exchange.getResponseHeaders().add("X-RateLimit-Limit", "5");
                    exchange.getResponseHeaders().add("X-RateLimit-Remaining", "0");
                    exchange.getResponseHeaders().add("X-RateLimit-Reset-After", "0.6");
                    exchange.getResponseHeaders().add("X-RateLimit-Bucket", "channel-messages");
                    exchange.getResponseHeaders().add("X-RateLimit-Scope", "user");
                    send(exchange, 429, json.createObjectNode().put("message", "You are being rate limited.")
                            .put("retry_after", 0.6).put("global", false));
                    return;
                }
                send(exchange, 200, message(Long.toString(ids.incrementAndGet()), CHANNEL, body));
            } else {
                send(exchange, 404, json.createObjectNode().put("message", "404: Not Found").put("code", 0));
            }
        }
    }

    private void answerCallback(HttpExchange exchange, String interactionId, JsonNode body) throws IOException {
        String messageId = Long.toString(ids.incrementAndGet());
        ObjectNode answer = json.createObjectNode();
        answer.putObject("interaction").put("id", interactionId).put("type", 2)
                .put("response_message_id", messageId).put("response_message_loading", false)
                .put("response_message_ephemeral", (body.path("data").path("flags").asInt() & 64) != 0);
        ObjectNode resource = answer.putObject("resource").put("type", body.path("type").asInt());
        resource.set("message", message(messageId, CHANNEL, body.path("data")));
        send(exchange, 200, answer);
    }

    private ObjectNode message(String id, String channelId, JsonNode sent) {
        ObjectNode message = json.createObjectNode().put("id", id).put("channel_id", channelId).put("type", 0)
                .put("content", sent.path("content").asText("")).put("timestamp", JOINED)
                .putNull("edited_timestamp").put("tts", false).put("mention_everyone", false).put("pinned", false)
                .put("flags", sent.path("flags").asInt(0));
        message.set("author", user(BOT, "Deckhand", true));
        message.putArray("mentions");
        message.putArray("mention_roles");
        message.putArray("attachments");
        message.putArray("components");
        ArrayNode embeds = message.putArray("embeds");
        for (JsonNode embed : sent.path("embeds")) {
            embeds.add(((ObjectNode) embed.deepCopy()).put("type", "rich"));
        }
        if (sent.has("nonce")) {
            message.set("nonce", sent.get("nonce"));
        }
        return message;
    }

    private ObjectNode user(String id, String name, boolean bot) {
        return json.createObjectNode().put("id", id).put("username", name).put("discriminator", "0")
                .putNull("global_name").putNull("avatar").put("bot", bot).put("public_flags", 0);
    }

    private ObjectNode member(ObjectNode user) {
        ObjectNode member = json.createObjectNode().put("joined_at", JOINED).put("deaf", false).put("mute", false)
                .put("flags", 0).put("pending", false);
        member.set("user", user);
        member.putArray("roles");
        return member;
    }

    private ObjectNode channel(String id, String name) {
        ObjectNode channel = json.createObjectNode().put("id", id).put("type", 0).put("guild_id", GUILD)
                .put("name", name).put("position", 0).put("nsfw", false).put("rate_limit_per_user", 0);
        channel.putArray("permission_overwrites");
        return channel;
    }

    private ObjectNode guild() {
        ObjectNode guild = json.createObjectNode().put("id", GUILD).put("name", "Record Club").putNull("icon")
                .put("owner_id", DJ).put("member_count", 2).put("large", false).put("unavailable", false)
                .put("joined_at", JOINED).put("preferred_locale", "en-US").put("premium_tier", 0)
                .put("verification_level", 0).put("nsfw_level", 0).put("afk_timeout", 300)
                .put("default_message_notifications", 0).put("explicit_content_filter", 0).put("mfa_level", 0)
                .put("system_channel_flags", 0).put("premium_progress_bar_enabled", false);
        guild.putArray("features");
        ObjectNode everyone = guild.putArray("roles").addObject().put("id", GUILD).put("name", "@everyone")
                .put("permissions", "84992").put("position", 0).put("color", 0).put("hoist", false)
                .put("managed", false).put("mentionable", false).put("flags", 0);
        everyone.putObject("colors").put("primary_color", 0);
        guild.putArray("channels").add(channel(CHANNEL, "deckhand")).add(channel(OTHER_CHANNEL, "general"));
        guild.putArray("members").add(member(user(BOT, "Deckhand", true)));
        for (String empty : List.of("threads", "voice_states", "presences", "emojis", "stickers",
                "guild_scheduled_events", "soundboard_sounds", "stage_instances")) {
            guild.putArray(empty);
        }
        return guild;
    }

    private void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() throws Exception {
        rest.stop(0);
        gateway.stop(1000);
    }

    private final class Gateway extends WebSocketServer {

        private final CountDownLatch started = new CountDownLatch(1);
        private final List<JsonNode> identifies = new CopyOnWriteArrayList<>();
        private final AtomicInteger heartbeats = new AtomicInteger();
        private final AtomicInteger sequence = new AtomicInteger();
        private volatile WebSocket session;

        Gateway(InetSocketAddress address) {
            super(address);
        }

        @Override
        public void onStart() {
            started.countDown();
        }

        @Override
        public void onOpen(WebSocket connection, ClientHandshake handshake) {
            session = connection;
            ObjectNode hello = json.createObjectNode().put("op", 10).putNull("s").putNull("t");
            hello.putObject("d").put("heartbeat_interval", HEARTBEAT_INTERVAL);
            connection.send(hello.toString());
        }

        @Override
        public void onMessage(WebSocket connection, String text) {
            JsonNode payload;
            try {
                payload = json.readTree(text);
            } catch (IOException e) {
                connection.close(4002, "Decode error");
                return;
            }
            switch (payload.path("op").asInt(-1)) {
                case 1 -> {
                    heartbeats.incrementAndGet();
                    connection.send("{\"op\":11}");
                }
                case 2 -> {
                    identifies.add(payload.get("d"));
                    if (refuseGatewaySessions.get() || !token.equals(payload.path("d").path("token").asText())) {
                        connection.close(4004, "Authentication failed.");
                        return;
                    }
                    ObjectNode ready = json.createObjectNode().put("v", 10).put("session_id", "stand-in-session")
                            .put("resume_gateway_url", "ws://127.0.0.1:" + getPort());
                    ready.set("user", user(BOT, "Deckhand", true));
                    ready.putArray("guilds").addObject().put("id", GUILD).put("unavailable", true);
                    ready.putArray("private_channels");
                    ready.putObject("application").put("id", BOT).put("flags", 0);
                    dispatch("READY", ready);
                    dispatch("GUILD_CREATE", guild());
                }
                default -> {
                }
            }
        }

        void dispatch(String type, JsonNode data) {
            ObjectNode event = json.createObjectNode().put("op", 0).put("s", sequence.incrementAndGet())
                    .put("t", type);
            event.set("d", data);
            session.send(event.toString());
        }

        @Override
        public void onClose(WebSocket connection, int code, String reason, boolean remote) {
        }

        @Override
        public void onError(WebSocket connection, Exception error) {
        }
    }
}
