package io.wampspring.spring.security;

import java.util.List;

import io.wampspring.spring.binding.WampPrincipal;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The Spring Security view of a disclosed WAMP caller or publisher: an authenticated {@code Authentication} whose
 * principal is the {@link WampPrincipal} (so {@code getName()} is the authid) with one authority,
 * {@code ROLE_<authrole>} (the authrole as it is, {@code user} giving {@code ROLE_user}), or none when the authrole was
 * not disclosed. It carries no credentials.
 */
public final class WampAuthenticationToken extends AbstractAuthenticationToken {

    private final WampPrincipal principal;

    public WampAuthenticationToken(WampPrincipal principal) {
        super(principal.authrole() != null ? List.of(new SimpleGrantedAuthority("ROLE_" + principal.authrole()))
                : List.of());
        this.principal = principal;
        setAuthenticated(true);
    }

    @Override
    public WampPrincipal getPrincipal() {
        return principal;
    }

    @Override
    public @Nullable Object getCredentials() {
        return null;
    }
}
