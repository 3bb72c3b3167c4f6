package io.wampspring.spring.event;

/**
 * A topic subscription is gone: its last subscriber unsubscribed or left.
 *
 * @param sessionId the session of the last subscriber
 */
public record WampSubscriptionRemovedEvent(String realm, long subscriptionId, String uri, String match,
        long sessionId) implements WampRouterEvent {
}
