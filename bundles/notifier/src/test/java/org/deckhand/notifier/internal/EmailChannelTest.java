package org.deckhand.notifier.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.deckhand.api.notify.Attachment;
import org.deckhand.api.notify.ChannelSettings;
import org.deckhand.api.notify.Delivery;
import org.deckhand.api.notify.Kind;
import org.deckhand.api.notify.Level;
import org.deckhand.api.notify.Message;
import org.deckhand.api.notify.NotificationChannel;
import org.deckhand.notifier.internal.channel.EmailChannelType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.subethamail.smtp.auth.EasyAuthenticationHandlerFactory;
import org.subethamail.smtp.auth.LoginFailedException;
import org.subethamail.smtp.server.SMTPServer;

/**
 * The e-mail channel against a real SMTP server on 127.0.0.1 (SubEthaSMTP) that requires STARTTLS and AUTH, with a
 * self-signed certificate made by the JDK's keytool for the test; and against one that speaks TLS from the first
 * byte (SMTPS).
 */
class EmailChannelTest {

    private static final String USER = "deckhand@example.org";
    private static final String PASSWORD = "smtp-pass-93c1";

    @TempDir
    static Path keys;

    private final List<MimeMessage> received = new CopyOnWriteArrayList<>();
    private SSLContext tls;
    private SMTPServer starttls;
    private SMTPServer smtps;

    @BeforeEach
    void startServers() throws Exception {
        tls = selfSignedContext();
        starttls = server().startTlsSocketFactory(tls).enableTLS().requireTLS().build();
        starttls.start();
        smtps = server().serverSocketFactory(tls).build();
        smtps.start();
    }

    @AfterEach
    void stopServers() {
        starttls.stop();
        smtps.stop();
    }

    @Test
    void aMessageArrivesOverStartTlsWithAuthItsIdAsMessageIdAndTheCoverAsAPart() throws Exception {
        NotificationChannel channel = type().open(settings("starttls", starttls.getPortAllocated(), PASSWORD, true));
        byte[] cover = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};
        Message message = Message.of(Kind.LIBRARY, Level.WARNING, "3 broken files found", "Unreadable: a.flac")
                .withLink(java.net.URI.create("http://nas:8080/library"))
                .withAttachment(new Attachment("cover.png", "image/png", cover));

        Delivery outcome = channel.send(message);

        Delivery.Delivered delivered = assertInstanceOf(Delivery.Delivered.class, outcome, outcome.toString());
        assertEquals(250, delivered.statusCode());
        assertEquals("<" + message.id() + "@deckhand>", delivered.receiverId());
        assertEquals(1, received.size());
        MimeMessage mail = received.get(0);
        assertEquals("<" + message.id() + "@deckhand>", mail.getMessageID());
        assertEquals("[Deckhand warning] 3 broken files found", mail.getSubject());
        Multipart parts = (Multipart) mail.getContent();
        String text = (String) parts.getBodyPart(0).getContent();
        assertTrue(text.startsWith("Unreadable: a.flac"), text);
        assertTrue(text.contains("http://nas:8080/library"), text);
        Part file = parts.getBodyPart(1);
        assertEquals("cover.png", file.getFileName());
        try (InputStream in = file.getInputStream()) {
            assertArrayEquals(cover, in.readAllBytes());
        }
    }

    @Test
    void smtpsFromTheFirstByteWorksToo() throws Exception {
        NotificationChannel channel = type().open(settings("tls", smtps.getPortAllocated(), PASSWORD, true));
        Delivery outcome = channel.send(Message.of(Kind.HEALTH, Level.INFO, "Disk space back", ""));
        assertInstanceOf(Delivery.Delivered.class, outcome, outcome.toString());
        assertEquals("[Deckhand info] Disk space back", received.get(0).getSubject());
    }

    @Test
    void aWrongPasswordIsAPermanentFailureThatSaysSo() throws Exception {
        NotificationChannel channel = type().open(settings("starttls", starttls.getPortAllocated(), "wrong", true));
        Delivery outcome = channel.send(Message.of(Kind.HEALTH, Level.INFO, "Test", ""));
        Delivery.PermanentFailure failure = assertInstanceOf(Delivery.PermanentFailure.class, outcome,
                outcome.toString());
        assertEquals(535, failure.statusCode());
        assertEquals("smtp://127.0.0.1:" + starttls.getPortAllocated() + " refused the user name or password",
                failure.reason());
        assertTrue(received.isEmpty());
    }

    @Test
    void anUntrustedCertificateIsAPermanentFailureNamingTls() throws Exception {
        NotificationChannel channel = type().open(settings("starttls", starttls.getPortAllocated(), PASSWORD, false));
        Delivery outcome = channel.send(Message.of(Kind.HEALTH, Level.INFO, "Test", ""));
        Delivery.PermanentFailure failure = assertInstanceOf(Delivery.PermanentFailure.class, outcome,
                outcome.toString());
        assertTrue(failure.reason().startsWith("TLS with smtp://127.0.0.1:" + starttls.getPortAllocated()
                + " failed"), failure.reason());
    }

    @Test
    void anUnreachableServerIsATransientFailure() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Delivery outcome = type().open(settings("starttls", closed, PASSWORD, true))
                .send(Message.of(Kind.HEALTH, Level.INFO, "Test", ""));
        Delivery.TransientFailure failure = assertInstanceOf(Delivery.TransientFailure.class, outcome,
                outcome.toString());
        assertTrue(failure.reason().startsWith("cannot talk to smtp://127.0.0.1:" + closed), failure.reason());
    }

    private static EmailChannelType type() {
        return new EmailChannelType(Duration.ofSeconds(5));
    }

    private static ChannelSettings settings(String security, int port, String password, boolean trust) {
        Map<String, String> values = new HashMap<>(Map.of("host", "127.0.0.1", "port", Integer.toString(port),
                "security", security, "username", USER, "password", password, "from", USER,
                "to", "owner@example.org, second@example.org"));
        if (trust) {
            values.put("trustHosts", "127.0.0.1");
        }
        return new ChannelSettings("1", values);
    }

    private SMTPServer.Builder server() {
        return SMTPServer.port(0).bindAddress(InetAddress.getLoopbackAddress()).requireAuth()
                .authenticationHandlerFactory(new EasyAuthenticationHandlerFactory((user, password, context) -> {
                    if (!USER.equals(user) || !PASSWORD.equals(password)) {
                        throw new LoginFailedException();
                    }
                }))
                .simpleMessageListener(new org.subethamail.smtp.helper.SimpleMessageListener() {
                    @Override
                    public boolean accept(String from, String recipient) {
                        return true;
                    }

                    @Override
                    public void deliver(String from, String recipient, InputStream data) throws java.io.IOException {
                        try {
                            byte[] bytes = data.readAllBytes();
                            if (recipient.startsWith("owner")) {
                                received.add(new MimeMessage(Session.getInstance(new Properties()),
                                        new ByteArrayInputStream(bytes)));
                            }
                        } catch (jakarta.mail.MessagingException e) {
                            throw new java.io.IOException(e);
                        }
                    }
                });
    }

    /** A TLS context with a fresh self-signed certificate for 127.0.0.1, made by the JDK's keytool. */
    private static SSLContext selfSignedContext() throws Exception {
        Path store = keys.resolve("smtp.p12");
        if (!Files.exists(store)) {
            Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
            Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "smtp", "-keyalg",
                    "RSA", "-keysize", "2048", "-validity", "2", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1",
                    "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", "changeit", "-keypass",
                    "changeit").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            assertTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, "keytool: " + output);
        }
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keyStore.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keyStore, "changeit".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), null, null);
        return context;
    }
}
