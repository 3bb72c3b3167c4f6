package io.wampspring.sample;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.wampspring.spring.annotation.WampProcedure;
import io.wampspring.spring.annotation.WampTopic;
import io.wampspring.spring.binding.WampEventContext;
import io.wampspring.spring.core.WampTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Sends" a confirmation mail for every order and publishes it on {@code com.shop.email.mailed} (the sample keeps
 * the last ones as event history); the log of sent mails can also be read by RPC.
 */
@Component
public class EmailService {

    static final String MAILED = "com.shop.email.mailed";

    private static final Logger logger = LoggerFactory.getLogger(EmailService.class);

    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final WampTemplate wamp;

    EmailService(WampTemplate wamp) {
        this.wamp = wamp;
    }

    @WampTopic("com.shop.order.created")
    public void sendConfirmation(OrderCreated order, WampEventContext event) {
        String mail = "Order " + order.orderId() + ": " + order.quantity() + " x " + order.item();
        sent.add(mail);
        logger.info("Mail sent for publication {}: {}", event.publicationId(), mail);
        wamp.publish(MAILED, new Mail(order.orderId(), mail, Instant.now()));
    }

    @WampProcedure("com.shop.email.sent")
    public List<String> sent() {
        return List.copyOf(sent);
    }

    /** A mail that went out: the order it confirms, its text, and when. */
    public record Mail(String orderId, String text, Instant sentAt) {
    }
}
