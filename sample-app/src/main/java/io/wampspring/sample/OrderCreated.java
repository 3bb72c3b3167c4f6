package io.wampspring.sample;

import java.time.Instant;

/** An accepted order, as returned to its caller and published on {@code com.shop.order.created}. */
public record OrderCreated(String orderId, String item, int quantity, Instant createdAt) {
}
