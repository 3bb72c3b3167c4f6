package io.wampspring.sample;

import java.util.concurrent.atomic.AtomicLong;

import io.wampspring.spring.annotation.WampProcedure;
import io.wampspring.spring.annotation.WampTopic;
import org.springframework.stereotype.Component;

/** Counts orders and ordered items. */
@Component
public class Analytics {

    private final AtomicLong orders = new AtomicLong();
    private final AtomicLong items = new AtomicLong();

    @WampTopic("com.shop.order.created")
    public void count(OrderCreated order) {
        orders.incrementAndGet();
        items.addAndGet(order.quantity());
    }

    @WampProcedure("com.shop.analytics.stats")
    public Stats stats() {
        return new Stats(orders.get(), items.get());
    }

    /** Orders and items counted so far. */
    public record Stats(long orders, long items) {
    }
}
