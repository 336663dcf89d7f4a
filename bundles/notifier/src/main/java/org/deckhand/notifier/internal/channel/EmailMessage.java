package org.deckhand.notifier.internal.channel;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.util.Date;
import java.util.Locale;
import org.deckhand.api.notify.Attachment;
import org.deckhand.api.notify.Message;

/**
 * A notification as an e-mail (RFC 5322): the title as the subject with the level before it, the text, fields and
 * console link as a plain-text UTF-8 body, an attachment as a second MIME part (RFC 2046), and
 * {@code <id@deckhand>} as its {@code Message-ID}, which a resend keeps.
 */
final class EmailMessage extends MimeMessage {

    private final String messageId;

    EmailMessage(Session session, Message message, InternetAddress from, InternetAddress[] to)
            throws MessagingException {
        super(session);
        this.messageId = "<" + message.id() + "@deckhand>";
        setFrom(from);
        setRecipients(RecipientType.TO, to);
        setSubject("[Deckhand " + message.level().name().toLowerCase(Locale.ROOT) + "] " + message.title(), "UTF-8");
        setSentDate(Date.from(message.created()));
        setHeader("X-Deckhand-Kind", message.kind().name().toLowerCase(Locale.ROOT));
        String text = body(message);
        if (message.attachment().isEmpty()) {
            setText(text, "UTF-8");
        } else {
            Attachment file = message.attachment().get();
            MimeBodyPart textPart = new MimeBodyPart();
            textPart.setText(text, "UTF-8");
            MimeBodyPart filePart = new MimeBodyPart();
            filePart.setDataHandler(new DataHandler(
                    new ByteArrayDataSource(file.content(), file.mediaType())));
            filePart.setFileName(file.fileName());
            setContent(new MimeMultipart(textPart, filePart));
        }
    }

    private static String body(Message message) {
        StringBuilder body = new StringBuilder(message.text().isEmpty() ? message.title() : message.text());
        if (!message.fields().isEmpty()) {
            body.append("\n");
            message.fields().forEach(field -> body.append('\n').append(field.name()).append(": ")
                    .append(field.value()));
        }
        message.link().ifPresent(link -> body.append("\n\n").append(link));
        return body.append('\n').toString();
    }

    @Override
    protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageId);
    }
}
