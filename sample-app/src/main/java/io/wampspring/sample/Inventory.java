package io.wampspring.sample;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.wampspring.spring.annotation.WampProcedure;
import io.wampspring.spring.annotation.WampTopic;
import io.wampspring.spring.core.PublishOptions;
import io.wampspring.spring.core.WampTemplate;
import org.springframework.stereotype.Component;

/**
 * Reserves stock for every order and publishes the new stock level, retained: a dashboard that subscribes with
 * {@code get_retained} sees the latest level at once.
 */
@Component
public class Inventory {

    private final Map<String, Integer> stock = new ConcurrentHashMap<>(Map.of("book", 100, "pen", 500, "mug", 50));
    private final WampTemplate wamp;

    Inventory(WampTemplate wamp) {
        this.wamp = wamp;
    }

    boolean carries(String item) {
        return stock.containsKey(item);
    }

    @WampTopic("com.shop.order.created")
    public void reserve(OrderCreated order) {
        int left = stock.merge(order.item(), -order.quantity(), Integer::sum);
        wamp.publish("com.shop.inventory.updated", List.of(Map.of("item", order.item(), "stock", left)), null,
                PublishOptions.DEFAULTS.withRetain(true));
    }

    @WampProcedure("com.shop.inventory.stock")
    public Map<String, Integer> stock() {
        return new TreeMap<>(stock);
    }
}
