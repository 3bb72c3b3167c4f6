package io.wampspring.sample;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.wampspring.spring.annotation.WampProcedure;
import io.wampspring.spring.annotation.WampTopic;
import io.wampspring.spring.core.PublishOptions;
import io.wampspring.spring.core.WampTemplate;
import org.springframework.stereotype.Component;

/**
 * Counts orders and ordered items, and publishes the counters on {@code com.shop.analytics.updated}, retained, so
 * that a dashboard subscribing with {@code get_retained} starts from the current counts (none yet: zero).
 */
@Component
public class Analytics {

    static final String UPDATED = "com.shop.analytics.updated";

    private final AtomicLong orders = new AtomicLong();
    private final AtomicLong items = new AtomicLong();
    private final WampTemplate wamp;

    Analytics(WampTemplate wamp) {
        this.wamp = wamp;
    }

    /** Events reach this method one at a time, in publish order, so the counters published only grow. */
    @WampTopic("com.shop.order.created")
    public void count(OrderCreated order) {
        orders.incrementAndGet();
        items.addAndGet(order.quantity());
        wamp.publish(UPDATED, List.of(stats()), null, PublishOptions.DEFAULTS.withRetain(true));
    }

    @WampProcedure("com.shop.analytics.stats")
    public Stats stats() {
        return new Stats(orders.get(), items.get());
    }

    /** Orders and items counted so far. */
    public record Stats(long orders, long items) {
    }
}
