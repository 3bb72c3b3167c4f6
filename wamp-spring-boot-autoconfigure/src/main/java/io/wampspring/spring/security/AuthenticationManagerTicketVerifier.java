package io.wampspring.spring.security;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import io.wampspring.router.WampUris;
import io.wampspring.router.auth.AuthDecision;
import io.wampspring.router.auth.AuthIdentity;
import io.wampspring.router.auth.AuthRequest;
import io.wampspring.router.auth.TicketAuthenticator;
import io.wampspring.router.auth.TicketVerifier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;

/**
 * Checks tickets with the application's Spring Security {@link AuthenticationManager}: the HELLO's authid and the
 * ticket become a {@link UsernamePasswordAuthenticationToken}, so whatever checks the application's passwords (a
 * {@code UserDetailsService} with its {@code PasswordEncoder}, LDAP, ...) checks WAMP tickets too. The session's
 * authid is the authenticated name; its authrole the first {@code ROLE_x} authority as {@code x} in lower case
 * ({@code ROLE_ADMIN} becomes {@code admin}), else the default role. The check runs on the given executor, never on
 * the transport's thread: password hashing is slow on purpose.
 */
public final class AuthenticationManagerTicketVerifier implements TicketVerifier {

    /** The authprovider WELCOME announces for these sessions. */
    public static final String AUTHPROVIDER = "spring-security";

    private static final Logger logger = LoggerFactory.getLogger(AuthenticationManagerTicketVerifier.class);

    private static final String ROLE_PREFIX = "ROLE_";

    private final Supplier<AuthenticationManager> authenticationManager;
    private final Executor executor;
    private final @Nullable String defaultRole;

    /**
     * @param authenticationManager looked up on first use, so it may be built late (Spring Security's
     *     {@code AuthenticationConfiguration})
     * @param defaultRole the authrole of a user without {@code ROLE_} authorities; null refuses such a user
     */
    public AuthenticationManagerTicketVerifier(Supplier<AuthenticationManager> authenticationManager,
            Executor executor, @Nullable String defaultRole) {
        this.authenticationManager = authenticationManager;
        this.executor = executor;
        this.defaultRole = defaultRole;
    }

    @Override
    public CompletionStage<AuthDecision> verify(AuthRequest request, String ticket) {
        String authid = request.authid();
        if (authid == null) {
            return CompletableFuture.completedFuture(
                    AuthDecision.reject(WampUris.AUTHENTICATION_FAILED, "ticket authentication needs an authid"));
        }
        return CompletableFuture.supplyAsync(() -> authenticate(authid, ticket), executor);
    }

    private AuthDecision authenticate(String authid, String ticket) {
        Authentication result;
        try {
            result = authenticationManager.get().authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated(authid, ticket));
        }
        catch (AuthenticationException ex) {
            logger.debug("AuthenticationManager refused the ticket of authid '{}': {}", authid, ex.getMessage());
            return AuthDecision.reject(WampUris.AUTHENTICATION_FAILED,
                    "authentication failed: unknown principal or wrong credentials");
        }
        if (result == null || !result.isAuthenticated()) {
            return AuthDecision.reject(WampUris.AUTHENTICATION_FAILED,
                    "authentication failed: unknown principal or wrong credentials");
        }
        String authrole = result.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority != null && authority.startsWith(ROLE_PREFIX)
                        && authority.length() > ROLE_PREFIX.length())
                .map(authority -> authority.substring(ROLE_PREFIX.length()).toLowerCase(Locale.ROOT))
                .findFirst()
                .orElse(defaultRole);
        if (authrole == null) {
            return AuthDecision.reject(WampUris.AUTHENTICATION_FAILED, "principal '" + result.getName()
                    + "' has no ROLE_ authority to become its authrole, and the realm has no ticket.default-role");
        }
        return AuthDecision.accept(new AuthIdentity(result.getName(), authrole, TicketAuthenticator.METHOD,
                AUTHPROVIDER));
    }
}
