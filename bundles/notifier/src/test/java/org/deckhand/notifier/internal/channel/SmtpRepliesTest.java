package org.deckhand.notifier.internal.channel;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.deckhand.api.notify.Delivery;
import org.junit.jupiter.api.Test;

/** SMTP refusals of one message reject that message; refusals of the account or the addresses stop the channel. */
class SmtpRepliesTest {

    @Test
    void aRefusalOfTheMessageRejectsItAndOneOfTheAccountOrAddressStopsTheChannel() {
        assertInstanceOf(Delivery.Rejected.class, EmailChannelType.ofReply(552, "r", "552 5.3.4 Message too big"));
        assertInstanceOf(Delivery.Rejected.class, EmailChannelType.ofReply(554, "r", "554 5.7.1 Spam"));
        assertInstanceOf(Delivery.Rejected.class, EmailChannelType.ofReply(550, "r",
                "550 5.7.1 Message rejected as spam"));
        assertInstanceOf(Delivery.Rejected.class, EmailChannelType.ofReply(550, "r", "550 5.6.0 Content refused"));
        assertInstanceOf(Delivery.PermanentFailure.class, EmailChannelType.ofReply(550, "r",
                "550 5.1.1 User unknown"));
        assertInstanceOf(Delivery.PermanentFailure.class, EmailChannelType.ofReply(550, "r", "550 No such user"));
        assertInstanceOf(Delivery.PermanentFailure.class, EmailChannelType.ofReply(535, "r",
                "535 5.7.8 Authentication credentials invalid"));
        assertInstanceOf(Delivery.PermanentFailure.class, EmailChannelType.ofReply(553, "r", "553 5.7.1 Sender"));
        assertInstanceOf(Delivery.TransientFailure.class, EmailChannelType.ofReply(451, "r", "451 4.3.0 Try later"));
    }
}
