package io.wampspring.autoconfigure;

import io.wampspring.router.auth.TicketVerifier;
import org.jspecify.annotations.Nullable;

/**
 * Ticket verifiers that delegate to the application's Spring Security {@code AuthenticationManager}, for realms with
 * {@code wamp.realms[n].ticket.authentication-manager=true}. An interface of its own, free of Spring Security types,
 * so the auto-configuration loads without Spring Security; {@link WampSpringSecurityCredentialsConfiguration}
 * provides it.
 */
interface WampAuthenticationManagerTickets {

    /** Whether the application has an AuthenticationManager (or Spring Security's configuration that builds one). */
    boolean available();

    /**
     * @param defaultRole the authrole of an authenticated user without {@code ROLE_} authorities; null to refuse
     *     such a user
     */
    TicketVerifier verifier(@Nullable String defaultRole);
}
