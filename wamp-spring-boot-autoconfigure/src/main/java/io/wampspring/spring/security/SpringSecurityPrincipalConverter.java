package io.wampspring.spring.security;

import java.security.Principal;
import java.util.List;
import java.util.Objects;

import io.wampspring.router.transport.TransportPrincipal;
import io.wampspring.spring.websocket.HandshakePrincipalConverter;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Reads a Spring Security {@link Authentication} from the WebSocket handshake: its name and its authorities in the
 * order it lists them, provider {@code spring-security}. An anonymous or unauthenticated one counts as nobody; any
 * other principal goes to the transport's own converter (its name only, {@link HandshakePrincipalConverter#NAME_ONLY}
 * on a servlet container).
 */
public final class SpringSecurityPrincipalConverter implements HandshakePrincipalConverter {

    public static final String PROVIDER = "spring-security";

    private final HandshakePrincipalConverter otherPrincipals;

    public SpringSecurityPrincipalConverter() {
        this(NAME_ONLY);
    }

    /** {@code otherPrincipals}: for a principal that is no {@link Authentication}. */
    public SpringSecurityPrincipalConverter(HandshakePrincipalConverter otherPrincipals) {
        this.otherPrincipals = otherPrincipals;
    }

    @Override
    public @Nullable TransportPrincipal convert(Principal principal) {
        if (!(principal instanceof Authentication authentication)) {
            return otherPrincipals.convert(principal);
        }
        if (!authentication.isAuthenticated() || authentication instanceof AnonymousAuthenticationToken
                || authentication.getName() == null || authentication.getName().isBlank()) {
            return null;
        }
        List<String> authorities = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(Objects::nonNull)
                .toList();
        return new TransportPrincipal(authentication.getName(), authorities, PROVIDER);
    }
}
