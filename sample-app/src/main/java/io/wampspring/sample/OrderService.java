package io.wampspring.sample;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.wampspring.router.client.WampException;
import io.wampspring.spring.annotation.WampProcedure;
import io.wampspring.spring.core.WampTemplate;
import org.springframework.stereotype.Component;

/** Takes orders by RPC and tells everyone who cares by PubSub. */
@Component
public class OrderService {

    static final String INVALID_ORDER = "com.shop.error.invalid_order";

    private final WampTemplate wamp;
    private final Inventory inventory;

    OrderService(WampTemplate wamp, Inventory inventory) {
        this.wamp = wamp;
        this.inventory = inventory;
    }

    /** Called as {@code session.call('com.shop.order.create', [], {item: 'book', quantity: 1})}. */
    @WampProcedure("com.shop.order.create")
    public OrderCreated create(Order order) {
        validate(order);
        OrderCreated created = new OrderCreated(UUID.randomUUID().toString(), order.item(), order.quantity(),
                Instant.now());
        wamp.publish("com.shop.order.created", created);
        return created;
    }

    private void validate(Order order) {
        if (order.item() == null || order.item().isBlank()) {
            throw invalid("item", "an order needs an item");
        }
        if (!inventory.carries(order.item())) {
            throw invalid("item", "unknown item '" + order.item() + "'");
        }
        if (order.quantity() < 1 || order.quantity() > 100) {
            throw invalid("quantity", "quantity must be between 1 and 100");
        }
    }

    private static WampException invalid(String field, String message) {
        return new WampException(INVALID_ORDER, List.of(message), Map.of("field", field));
    }
}
