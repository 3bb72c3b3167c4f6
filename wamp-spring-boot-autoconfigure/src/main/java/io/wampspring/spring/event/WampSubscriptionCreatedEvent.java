package io.wampspring.spring.event;

/**
 * A topic subscription came into being: its first subscriber subscribed.
 *
 * @param match {@code exact}, {@code prefix} or {@code wildcard}
 * @param sessionId the session of the subscriber that created it
 */
public record WampSubscriptionCreatedEvent(String realm, long subscriptionId, String uri, String match,
        long sessionId) implements WampRouterEvent {
}
