package org.deckhand.notifier.internal.channel;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import org.deckhand.api.notify.ChannelSetting;
import org.deckhand.api.notify.ChannelSettings;
import org.deckhand.api.notify.ChannelType;
import org.deckhand.api.notify.Delivery;
import org.deckhand.api.notify.InvalidChannelSettingsException;
import org.deckhand.api.notify.Message;
import org.deckhand.api.notify.NotificationChannel;
import org.deckhand.notifier.internal.NotifierConfiguration;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * E-mail over SMTP (RFC 5321) with Jakarta Mail on Eclipse Angus: STARTTLS required (RFC 3207, port 587 by default),
 * TLS from the first byte (RFC 8314, port 465) or, on a trusted network only, none; with AUTH when a user name is
 * given. The message's idempotency id is its {@code Message-ID}, so that a mail client shows a resend as the same
 * message. Every wait is bounded by the connect, read and write timeouts.
 */
@Component(service = ChannelType.class, configurationPid = NotifierConfiguration.PID)
public final class EmailChannelType implements ChannelType {

    /** The type's id. */
    public static final String ID = "email";

    /** How the connection to the SMTP server is protected. */
    enum Security {
        /** A plain connection upgraded with STARTTLS, which the server must offer. */
        STARTTLS(587),
        /** TLS from the first byte (SMTPS). */
        TLS(465),
        /** No protection: the password and the messages travel in the clear. */
        NONE(25);

        final int defaultPort;

        Security(int defaultPort) {
            this.defaultPort = defaultPort;
        }
    }

    /** An enhanced status code of a permanent failure (RFC 3463, section 2): 5.subject.detail. */
    private static final Pattern ENHANCED_CODE = Pattern.compile("\\b5\\.(\\d{1,3})\\.(\\d{1,3})\\b");

    private final Duration timeout;

    /** @param timeout the connect, read and write timeout of the SMTP connection */
    public EmailChannelType(Duration timeout) {
        this.timeout = timeout;
    }

    /** @param configuration the notifier's settings, for the timeouts */
    @Activate
    public EmailChannelType(NotifierConfiguration configuration) {
        this(HttpSender.timeout(configuration));
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "E-mail (SMTP)";
    }

    @Override
    public List<ChannelSetting> settings() {
        return List.of(
                new ChannelSetting("host", "SMTP server", "The server's host name, such as smtp.example.org", true,
                        false),
                new ChannelSetting("security", "Security", "starttls (the default), tls or none", false, false),
                new ChannelSetting("port", "Port", "The server's port: by default 587 with starttls, 465 with tls, "
                        + "25 with none", false, false),
                new ChannelSetting("username", "User name", "The account's user name; empty: no AUTH", false, false),
                new ChannelSetting("password", "Password", "The account's password", false, true),
                new ChannelSetting("from", "From", "The sender's address, such as deckhand@example.org", true, false),
                new ChannelSetting("to", "To", "The recipients' addresses, separated by commas", true, false),
                new ChannelSetting("trustHosts", "Trusted hosts", "Hosts whose TLS certificate is trusted without "
                        + "checking it against Java's trust store (a self-signed certificate on a home server), "
                        + "separated by spaces; empty: every certificate is checked", false, false));
    }

    @Override
    public NotificationChannel open(ChannelSettings settings) throws InvalidChannelSettingsException {
        String host = settings.require("host").strip();
        Security security;
        try {
            security = Security.valueOf(settings.get("security").orElse("starttls").strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidChannelSettingsException("security", "must be starttls, tls or none");
        }
        int port = port(settings.get("port"), security);
        InternetAddress from = address("from", settings.require("from"))[0];
        InternetAddress[] to = address("to", settings.require("to"));
        Optional<String> username = settings.get("username");
        Optional<String> password = settings.get("password");
        Properties properties = new Properties();
        properties.put("mail.smtp.host", host);
        properties.put("mail.smtp.port", Integer.toString(port));
        properties.put("mail.smtp.connectiontimeout", Long.toString(timeout.toMillis()));
        properties.put("mail.smtp.timeout", Long.toString(timeout.toMillis()));
        properties.put("mail.smtp.writetimeout", Long.toString(timeout.toMillis()));
        properties.put("mail.smtp.auth", Boolean.toString(username.isPresent()));
        properties.put("mail.smtp.ssl.checkserveridentity", "true");
        if (security == Security.STARTTLS) {
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");
        } else if (security == Security.TLS) {
            properties.put("mail.smtp.ssl.enable", "true");
        }
        settings.get("trustHosts").ifPresent(hosts -> properties.put("mail.smtp.ssl.trust", hosts.strip()));
        String where = "smtp://" + host + ":" + port;
        return message -> withOwnClassLoader(() -> send(properties, from, to, username, password, message, where));
    }

    private static Delivery send(Properties properties, InternetAddress from, InternetAddress[] to,
            Optional<String> username, Optional<String> password, Message message, String where) {
        Session session = Session.getInstance(properties);
        try (Transport transport = session.getTransport("smtp")) {
            EmailMessage mail = new EmailMessage(session, message, from, to);
            transport.connect(username.orElse(null), password.orElse(null));
            transport.sendMessage(mail, to);
            int code = transport instanceof SMTPTransport smtp ? smtp.getLastReturnCode() : 250;
            return new Delivery.Delivered(mail.getMessageID(), code);
        } catch (AuthenticationFailedException refused) {
            return new Delivery.PermanentFailure(535, where + " refused the user name or password");
        } catch (SMTPSendFailedException failed) {
            int code = failed.getReturnCode();
            return ofReply(code, where + " refused the message: " + code + " " + oneLine(failed.getMessage()),
                    oneLine(failed.getMessage()));
        } catch (MessagingException failed) {
            Optional<SMTPAddressFailedException> refused = Failures.find(failed, SMTPAddressFailedException.class);
            if (refused.isPresent()) {
                int code = refused.get().getReturnCode();
                String reason = where + " refused the recipient " + refused.get().getAddress() + ": " + code + " "
                        + oneLine(refused.get().getMessage());
                return code >= 400 && code < 500 ? new Delivery.TransientFailure(code, reason)
                        : new Delivery.PermanentFailure(code, reason + "; check the To setting");
            }
            return classify(failed, where);
        }
    }

    /**
     * Classifies an SMTP server's refusal of a message (RFC 5321, section 4.2; enhanced status codes, RFC 3463): a
     * 4xx is transient; 552 (too large) and 554 (the transaction failed: the content refused, as spam filters
     * answer), and a 550 whose enhanced code is of the message's content or the server's policy (see
     * {@link #aboutTheMessage}), reject this message only; any other 5xx (530 and 535 of authentication, 553 of a
     * sender the server refuses, a 550 of an address) stops the channel.
     *
     * @param code the reply code
     * @param reason the reason for the user
     * @param serverText the server's reply text
     * @return the outcome
     */
    static Delivery ofReply(int code, String reason, String serverText) {
        if (code >= 400 && code < 500) {
            return new Delivery.TransientFailure(code, reason);
        }
        if (code == 552 || code == 554 || (code == 550 && aboutTheMessage(serverText))) {
            return new Delivery.Rejected(code, reason);
        }
        return new Delivery.PermanentFailure(code, reason);
    }

    /**
     * @param serverText the server's reply, such as {@code 550 5.7.1 Message rejected as spam}
     * @return whether its enhanced status code (RFC 3463) is of the message itself: 5.3.4 (too big), 5.6.x (its
     *     content), 5.7.1 (refused by policy, such as a spam filter) or 5.7.x other than those of authentication
     *     (5.7.8, 5.7.9, 5.7.11 to 5.7.14); a reply without one is taken to be of the address
     */
    private static boolean aboutTheMessage(String serverText) {
        Matcher enhanced = ENHANCED_CODE.matcher(serverText);
        if (!enhanced.find()) {
            return false;
        }
        int subject = Integer.parseInt(enhanced.group(1));
        int detail = Integer.parseInt(enhanced.group(2));
        return subject == 6 || (subject == 3 && detail == 4)
                || (subject == 7 && detail != 8 && detail != 9 && (detail < 11 || detail > 14));
    }

    private static Delivery classify(MessagingException failed, String where) {
        if (Failures.find(failed, SSLException.class).isPresent()) {
            return new Delivery.PermanentFailure(0, "TLS with " + where + " failed (" + Failures.rootMessage(failed)
                    + "): its certificate is not trusted (see the Trusted hosts setting), or it does not speak TLS");
        }
        if (oneLine(failed.getMessage()).contains("STARTTLS")) {
            return new Delivery.PermanentFailure(0, where + " does not offer STARTTLS, which this channel requires");
        }
        if (Failures.find(failed, SocketTimeoutException.class).isPresent()) {
            return new Delivery.TransientFailure(0, where + " did not answer in time");
        }
        if (Failures.find(failed, UnknownHostException.class).isPresent()) {
            return new Delivery.TransientFailure(0, "the host of " + where + " is unknown");
        }
        if (Failures.find(failed, IOException.class).isPresent()) {
            return new Delivery.TransientFailure(0, "cannot talk to " + where + ": " + Failures.rootMessage(failed));
        }
        return new Delivery.TransientFailure(0, "sending through " + where + " failed: "
                + oneLine(failed.getMessage()));
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }

    /**
     * Runs mail work with this bundle's class loader as the context class loader: Jakarta Mail finds its providers
     * and stream providers through it, inside this bundle.
     */
    private static Delivery withOwnClassLoader(Supplier<Delivery> work) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(EmailChannelType.class.getClassLoader());
        try {
            return work.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static int port(Optional<String> given, Security security) throws InvalidChannelSettingsException {
        if (given.isEmpty()) {
            return security.defaultPort;
        }
        try {
            int port = Integer.parseInt(given.get().strip());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new InvalidChannelSettingsException("port", "must be a port number, 1 to 65535");
        }
    }

    private static InternetAddress[] address(String setting, String value) throws InvalidChannelSettingsException {
        try {
            InternetAddress[] addresses = InternetAddress.parse(value, true);
            if (addresses.length == 0) {
                throw new InvalidChannelSettingsException(setting, "holds no address");
            }
            for (InternetAddress address : addresses) {
                address.validate();
            }
            return addresses;
        } catch (AddressException e) {
            throw new InvalidChannelSettingsException(setting, "is not a valid e-mail address (" + e.getMessage()
                    + ")");
        }
    }
}
