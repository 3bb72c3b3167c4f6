package io.wampspring.spring.event;

/**
 * A client session joined a realm (after WELCOME). Published by {@link WampApplicationEvents} for
 * {@code @EventListener} methods.
 *
 * @param realm the realm's name
 * @param sessionId the WAMP session id
 * @param authid the authenticated id
 * @param authrole the authenticated role
 * @param authmethod how it authenticated ({@code anonymous}, {@code local} for an in-process session, ...)
 * @param transport the transport kind ({@code websocket}, {@code local})
 */
public record WampSessionOpenedEvent(String realm, long sessionId, String authid, String authrole, String authmethod,
        String transport) implements WampRouterEvent {
}
