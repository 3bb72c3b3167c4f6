package io.wampspring.spring.websocket;

import java.security.Principal;
import java.util.List;

import io.wampspring.router.transport.TransportPrincipal;
import org.jspecify.annotations.Nullable;

/**
 * Turns the principal of a WebSocket handshake ({@code WebSocketSession.getPrincipal()}) into what the router reads:
 * its name and authorities ({@link TransportPrincipal}), or null when it does not count as authenticated. With Spring
 * Security on the classpath, the auto-configuration's converter reads a Spring Security {@code Authentication}'s
 * authorities; declare a bean of this type to decide yourself.
 */
@FunctionalInterface
public interface HandshakePrincipalConverter {

    /** The name of any principal, without authorities, as the servlet container authenticated it. */
    HandshakePrincipalConverter NAME_ONLY = nameOnly("servlet");

    /** The name of any principal, without authorities, with {@code provider} as the session's authprovider. */
    static HandshakePrincipalConverter nameOnly(String provider) {
        return principal -> principal.getName() == null || principal.getName().isBlank()
                ? null : new TransportPrincipal(principal.getName(), List.of(), provider);
    }

    @Nullable TransportPrincipal convert(Principal principal);
}
