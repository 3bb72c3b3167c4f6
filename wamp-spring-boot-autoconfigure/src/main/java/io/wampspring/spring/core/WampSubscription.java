package io.wampspring.spring.core;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import io.wampspring.router.client.LocalSubscription;
import io.wampspring.spring.invocation.TopicHandler;

/**
 * A subscription made through {@link WampTemplate#subscribe}: its id and topic, how its handler fares, and a way to
 * end it.
 */
public final class WampSubscription {

    private final String topic;
    private final LocalSubscription subscription;
    private final TopicHandler handler;
    private final AtomicReference<CompletableFuture<Void>> unsubscribed = new AtomicReference<>();

    WampSubscription(String topic, LocalSubscription subscription, TopicHandler handler) {
        this.topic = topic;
        this.subscription = subscription;
        this.handler = handler;
    }

    /** The router's subscription id (shared by every handler of the template on this topic and policy). */
    public long id() {
        return subscription.id();
    }

    /** The subscribed topic URI, or pattern. */
    public String topic() {
        return topic;
    }

    /** Events the handler threw on. */
    public long failures() {
        return handler.failures();
    }

    /** Events dropped for the handler while it was more than {@code wamp.local.event-backlog} events behind. */
    public long droppedEvents() {
        return subscription.droppedEvents();
    }

    /**
     * Ends this subscription: no event starts to reach the handler once this is called, even one already waiting
     * for it. Completes once the broker has confirmed (the router's subscription ends with the template's last
     * handler on it); calling it again returns the same future.
     */
    public CompletableFuture<Void> unsubscribe() {
        CompletableFuture<Void> first = new CompletableFuture<>();
        CompletableFuture<Void> existing = unsubscribed.compareAndExchange(null, first);
        if (existing != null) {
            return existing;
        }
        handler.stop();
        subscription.unsubscribe().whenComplete((ignored, failure) -> {
            if (failure != null) {
                first.completeExceptionally(failure);
            }
            else {
                first.complete(null);
            }
        });
        return first;
    }

    @Override
    public String toString() {
        return "WampSubscription[" + id() + " " + topic + "]";
    }
}
