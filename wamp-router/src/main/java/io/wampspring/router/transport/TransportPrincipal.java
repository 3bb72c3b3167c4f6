package io.wampspring.router.transport;

import java.security.Principal;
import java.util.List;

/**
 * Who the transport's own handshake authenticated (an HTTP request's user, for WebSocket), in a form the router can
 * read without knowing the framework that authenticated it.
 *
 * @param name the principal's name, which becomes the session's authid
 * @param authorities the principal's authorities or roles as the framework named them (Spring Security's
 *        {@code ROLE_USER}, say), in the framework's order; empty when it has none or cannot tell
 * @param provider who authenticated it, such as {@code spring-security} or {@code servlet}; the session's
 *        authprovider
 */
public record TransportPrincipal(String name, List<String> authorities, String provider) implements Principal {

    public TransportPrincipal {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a principal needs a name");
        }
        authorities = List.copyOf(authorities);
    }

    @Override
    public String getName() {
        return name;
    }
}
