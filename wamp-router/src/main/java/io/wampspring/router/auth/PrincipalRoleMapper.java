package io.wampspring.router.auth;

import java.util.Locale;

import io.wampspring.router.transport.TransportPrincipal;
import org.jspecify.annotations.Nullable;

/**
 * The authrole a principal authenticated by the transport gets in a realm; null when it may not join the realm.
 */
@FunctionalInterface
public interface PrincipalRoleMapper {

    @Nullable String authrole(String realm, TransportPrincipal principal);

    /** Every principal gets this role. */
    static PrincipalRoleMapper fixed(String authrole) {
        return (realm, principal) -> authrole;
    }

    /**
     * The first authority named {@code ROLE_<name>}, as {@code <name>} in lower case (Spring Security's
     * {@code ROLE_USER} becomes {@code user}); other authorities ({@code SCOPE_read}, {@code FACTOR_PASSWORD}) are
     * not roles and are skipped. {@code fallback} (null: refused) when there is none.
     */
    static PrincipalRoleMapper firstRole(@Nullable String fallback) {
        return (realm, principal) -> principal.authorities().stream()
                .filter(authority -> authority.startsWith("ROLE_") && authority.length() > "ROLE_".length())
                .map(authority -> authority.substring("ROLE_".length()).toLowerCase(Locale.ROOT))
                .findFirst()
                .orElse(fallback);
    }
}
