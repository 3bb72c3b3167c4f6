package io.wampspring.sample;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.wampspring.spring.annotation.WampProcedure;
import io.wampspring.spring.annotation.WampTopic;
import io.wampspring.spring.core.PublishOptions;
import io.wampspring.spring.core.WampTemplate;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Reserves stock for every order and publishes the new stock level on {@code com.shop.inventory.updated}, retained:
 * {@code args} name the item that changed ({@code [{item, stock}]}), {@code kwargs.stock} holds the whole table. A
 * dashboard that subscribes with {@code get_retained} gets the current table at once; the table is published once
 * at startup too, so there is always a retained event.
 */
@Component
public class Inventory {

    static final String UPDATED = "com.shop.inventory.updated";

    private final Map<String, Integer> stock = new ConcurrentHashMap<>(Map.of("book", 100, "pen", 500, "mug", 50));
    private final WampTemplate wamp;

    Inventory(WampTemplate wamp) {
        this.wamp = wamp;
    }

    boolean carries(String item) {
        return stock.containsKey(item);
    }

    @EventListener(ApplicationReadyEvent.class)
    public void publishInitialLevels() {
        wamp.publish(UPDATED, List.of(), Map.of("stock", stock()), PublishOptions.DEFAULTS.withRetain(true));
    }

    /** Events reach this method one at a time, in publish order, so each table published is newer than the last. */
    @WampTopic("com.shop.order.created")
    public void reserve(OrderCreated order) {
        int left = stock.merge(order.item(), -order.quantity(), Integer::sum);
        wamp.publish(UPDATED, List.of(Map.of("item", order.item(), "stock", left)), Map.of("stock", stock()),
                PublishOptions.DEFAULTS.withRetain(true));
    }

    @WampProcedure("com.shop.inventory.stock")
    public Map<String, Integer> stock() {
        return new TreeMap<>(stock);
    }
}
