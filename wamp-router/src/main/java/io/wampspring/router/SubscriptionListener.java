package io.wampspring.router;

/**
 * Told of subscription changes, after the subscriber has been acknowledged: the subscription meta events are
 * published from here. Called on the thread that made the change; implementations hand off or stay quick.
 */
public interface SubscriptionListener {

    /** The first subscriber created the subscription. */
    default void created(WampPeer subscriber, Subscription subscription) {
    }

    default void subscribed(WampPeer subscriber, Subscription subscription) {
    }

    default void unsubscribed(long sessionId, Subscription subscription) {
    }

    /** The last subscriber left: the subscription is gone. */
    default void deleted(long sessionId, Subscription subscription) {
    }
}
