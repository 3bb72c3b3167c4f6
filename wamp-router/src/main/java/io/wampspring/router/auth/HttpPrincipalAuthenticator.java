package io.wampspring.router.auth;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.wampspring.router.WampUris;
import io.wampspring.router.transport.TransportPrincipal;
import org.jspecify.annotations.Nullable;

/**
 * The {@code http} method: the session is whoever the transport's HTTP handshake authenticated (a Spring Security
 * user, a servlet container login), with no challenge. Like Crossbar's {@code cookie} and {@code tls}, it names where
 * the identity comes from. authid is the principal's name, authrole what the {@link PrincipalRoleMapper} says, and
 * authprovider the principal's provider. A handshake without an authenticated principal fails with
 * {@code wamp.error.authentication_failed}; a principal with no role in the realm with
 * {@code wamp.error.not_authorized}.
 * <p>
 * Clients rarely offer {@code http} themselves; {@link #orAnonymous} lets one that offers {@code anonymous} (or
 * nothing) join as its principal too.
 */
public final class HttpPrincipalAuthenticator implements Authenticator {

    public static final String METHOD = "http";

    private final PrincipalRoleMapper roles;

    public HttpPrincipalAuthenticator(PrincipalRoleMapper roles) {
        this.roles = roles;
    }

    @Override
    public String authMethod() {
        return METHOD;
    }

    @Override
    public CompletionStage<AuthDecision> authenticate(AuthRequest request) {
        TransportPrincipal principal = request.transport().authenticatedPrincipal();
        if (principal == null) {
            return CompletableFuture.completedFuture(AuthDecision.reject(WampUris.AUTHENTICATION_FAILED,
                    "the WebSocket handshake was not authenticated"));
        }
        String authrole = roles.authrole(request.realm(), principal);
        if (authrole == null || authrole.isBlank()) {
            return CompletableFuture.completedFuture(AuthDecision.reject(WampUris.NOT_AUTHORIZED,
                    "'" + principal.name() + "' has no role in realm '" + request.realm() + "'"));
        }
        return CompletableFuture.completedFuture(AuthDecision.accept(
                new AuthIdentity(principal.name(), authrole, METHOD, principal.provider())));
    }

    /**
     * An authenticator for the method name {@code anonymous} (what clients offer by default, and what the router
     * assumes when they offer nothing): a session whose handshake was authenticated joins as its principal through
     * {@code http}; any other joins through {@code anonymous}, or, when the realm does not accept anonymous sessions
     * ({@code anonymous} null), is refused with {@code wamp.error.no_matching_auth_method}.
     */
    public Authenticator orAnonymous(@Nullable Authenticator anonymous) {
        return new PrincipalOrAnonymous(this, anonymous);
    }

    private record PrincipalOrAnonymous(HttpPrincipalAuthenticator http, @Nullable Authenticator anonymous)
            implements Authenticator {

        @Override
        public String authMethod() {
            return AnonymousAuthenticator.METHOD;
        }

        @Override
        public CompletionStage<AuthDecision> authenticate(AuthRequest request) {
            if (request.transport().authenticatedPrincipal() != null) {
                return http.authenticate(request);
            }
            if (anonymous != null) {
                return anonymous.authenticate(request);
            }
            return CompletableFuture.completedFuture(AuthDecision.reject(WampUris.NO_MATCHING_AUTH_METHOD,
                    "realm '" + request.realm() + "' accepts no anonymous sessions, and the WebSocket handshake "
                            + "was not authenticated"));
        }
    }
}
