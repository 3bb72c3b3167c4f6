package io.wampspring.spring.event;

/**
 * A procedure registration came into being: its first callee registered it.
 *
 * @param match {@code exact}, {@code prefix} or {@code wildcard}
 * @param invoke the invocation policy ({@code single}, {@code roundrobin}, ...)
 * @param sessionId the session of the callee that created it
 */
public record WampRegistrationCreatedEvent(String realm, long registrationId, String uri, String match,
        String invoke, long sessionId) implements WampRouterEvent {
}
