package io.wampspring.spring.event;

/**
 * A client session left its realm, however it ended (GOODBYE, ABORT, lost connection, kill, shutdown). Published by
 * {@link WampApplicationEvents} after the matching {@link WampSessionOpenedEvent}.
 */
public record WampSessionClosedEvent(String realm, long sessionId, String authid, String authrole)
        implements WampRouterEvent {
}
