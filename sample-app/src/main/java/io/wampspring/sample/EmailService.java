package io.wampspring.sample;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.wampspring.spring.annotation.WampProcedure;
import io.wampspring.spring.annotation.WampTopic;
import io.wampspring.spring.binding.WampEventContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** "Sends" a confirmation mail for every order; the log of sent mails can be read by RPC. */
@Component
public class EmailService {

    private static final Logger logger = LoggerFactory.getLogger(EmailService.class);

    private final List<String> sent = new CopyOnWriteArrayList<>();

    @WampTopic("com.shop.order.created")
    public void sendConfirmation(OrderCreated order, WampEventContext event) {
        String mail = "Order " + order.orderId() + ": " + order.quantity() + " x " + order.item();
        sent.add(mail);
        logger.info("Mail sent for publication {}: {}", event.publicationId(), mail);
    }

    @WampProcedure("com.shop.email.sent")
    public List<String> sent() {
        return List.copyOf(sent);
    }
}
