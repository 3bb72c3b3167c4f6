package io.wampspring.spring.event;

/**
 * A procedure registration is gone: its last callee unregistered or left.
 *
 * @param sessionId the session of the last callee
 */
public record WampRegistrationRemovedEvent(String realm, long registrationId, String uri, String match,
        long sessionId) implements WampRouterEvent {
}
