package io.wampspring.spring.event;

/**
 * What every router event of this package tells: the realm and the session it concerns (for a registration or
 * subscription, the session of the callee or subscriber that created it or was the last to leave it). An
 * {@code @EventListener} of this type hears them all.
 */
public sealed interface WampRouterEvent permits WampSessionOpenedEvent, WampSessionClosedEvent,
        WampRegistrationCreatedEvent, WampRegistrationRemovedEvent, WampSubscriptionCreatedEvent,
        WampSubscriptionRemovedEvent {

    String realm();

    long sessionId();
}
