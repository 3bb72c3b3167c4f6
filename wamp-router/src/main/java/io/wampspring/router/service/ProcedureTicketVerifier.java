package io.wampspring.router.service;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

import io.wampspring.router.WampRouter;
import io.wampspring.router.WampUris;
import io.wampspring.router.auth.AuthDecision;
import io.wampspring.router.auth.AuthIdentity;
import io.wampspring.router.auth.AuthRequest;
import io.wampspring.router.auth.TicketVerifier;
import io.wampspring.router.client.LocalSession;
import io.wampspring.router.client.WampException;
import io.wampspring.router.message.Payload;
import io.wampspring.router.message.Result;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A dynamic authenticator for the {@code ticket} method, as Crossbar has it: each ticket is checked by calling a WAMP
 * procedure that the application (or any callee) registered, with {@code (realm, authid, details)}, where details
 * holds {@code ticket}, {@code session} (the id the session will have), {@code authmethod}, {@code authextra} (of
 * HELLO) and {@code transport} ({@code type}, {@code serializer}, {@code peer}).
 * <p>
 * The procedure accepts by returning the authrole as a string, or a dictionary with {@code role} and optionally
 * {@code authid} (replacing the one the client claimed) and {@code extra} (sent in WELCOME.authextra); it refuses by
 * raising an error. {@code wamp.error.authentication_failed} and {@code wamp.error.not_authorized} become the ABORT
 * reason as they are; any other error becomes {@code wamp.error.authentication_failed}, with the error's message.
 * The session's authprovider is {@code dynamic}.
 * <p>
 * The call is made by a router-internal session of the authenticator's realm (the realm authenticated in, unless one
 * is given), with the handshake timeout as call timeout, through the same dealer as every call.
 */
public final class ProcedureTicketVerifier implements TicketVerifier {

    public static final String AUTHPROVIDER = "dynamic";

    private static final Logger logger = LoggerFactory.getLogger(ProcedureTicketVerifier.class);

    private final Supplier<WampRouter> router;
    private final String procedure;
    private final @Nullable String authenticatorRealm;
    private final ConcurrentMap<String, LocalSession> callers = new ConcurrentHashMap<>();

    /**
     * @param router the router, once it exists (authenticators are built before it)
     * @param procedure the authenticator procedure's URI
     * @param authenticatorRealm the realm the procedure is registered in; null for the realm being authenticated in
     */
    public ProcedureTicketVerifier(Supplier<WampRouter> router, String procedure,
            @Nullable String authenticatorRealm) {
        this.router = router;
        this.procedure = procedure;
        this.authenticatorRealm = authenticatorRealm;
    }

    public String procedure() {
        return procedure;
    }

    @Override
    public CompletionStage<AuthDecision> verify(AuthRequest request, String ticket) {
        WampRouter target = router.get();
        String realm = authenticatorRealm != null ? authenticatorRealm : request.realm();
        LocalSession caller;
        try {
            caller = callers.compute(realm, (name, existing) -> existing != null && existing.isOpen() ? existing
                    : LocalSession.routerService(target, name));
        }
        catch (RuntimeException ex) {
            logger.warn("Dynamic authenticator {} cannot be called in realm '{}'", procedure, realm, ex);
            return CompletableFuture.completedFuture(
                    AuthDecision.reject(WampUris.AUTHENTICATION_FAILED, "the authenticator is not available"));
        }
        Map<String, Object> options = Map.of("timeout", target.config().handshakeTimeout().toMillis());
        Payload arguments = Payload.of(Arrays.asList(request.realm(), request.authid(), details(request, ticket)),
                null);
        return caller.call(procedure, options, arguments)
                .handle((result, failure) -> failure == null ? accepted(request, result) : refused(failure));
    }

    private static Map<String, Object> details(AuthRequest request, String ticket) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("ticket", ticket);
        details.put("session", request.sessionId());
        details.put("authmethod", "ticket");
        Object authextra = request.helloDetails().get("authextra");
        details.put("authextra", authextra instanceof Map<?, ?> ? authextra : Map.of());
        details.put("transport", request.transport().details());
        return details;
    }

    private AuthDecision accepted(AuthRequest request, Result result) {
        List<Object> args = result.payload().args();
        Object answer = args != null && !args.isEmpty() ? args.get(0) : null;
        String authid = request.authid();
        String authrole = null;
        Map<String, Object> extra = Map.of();
        if (answer instanceof String role) {
            authrole = role;
        }
        else if (answer instanceof Map<?, ?> principal) {
            authrole = principal.get("role") instanceof String role ? role : null;
            if (principal.get("authid") instanceof String replaced) {
                authid = replaced;
            }
            if (principal.get("extra") instanceof Map<?, ?> given) {
                extra = stringKeys(given);
            }
        }
        if (authrole == null || authrole.isBlank()) {
            logger.warn("Dynamic authenticator {} returned no role ({}): session refused", procedure, answer);
            return AuthDecision.reject(WampUris.AUTHENTICATION_FAILED, "the authenticator assigned no role");
        }
        if (authid == null || authid.isBlank()) {
            return AuthDecision.reject(WampUris.AUTHENTICATION_FAILED, "no authid: the client named none, and the "
                    + "authenticator assigned none");
        }
        return AuthDecision.accept(new AuthIdentity(authid, authrole, "ticket", AUTHPROVIDER, extra));
    }

    private static Map<String, Object> stringKeys(Map<?, ?> given) {
        Map<String, Object> extra = new LinkedHashMap<>();
        given.forEach((key, value) -> extra.put(String.valueOf(key), value));
        return extra;
    }

    private AuthDecision refused(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (!(cause instanceof WampException error)) {
            logger.warn("Dynamic authenticator {} failed", procedure, cause);
            return AuthDecision.reject(WampUris.AUTHENTICATION_FAILED, "authentication failed");
        }
        String message = !error.args().isEmpty() && error.args().get(0) instanceof String text ? text
                : error.uri();
        return switch (error.uri()) {
            case WampUris.AUTHENTICATION_FAILED, WampUris.NOT_AUTHORIZED -> AuthDecision.reject(error.uri(), message);
            case WampUris.NO_SUCH_PROCEDURE, WampUris.TIMEOUT, WampUris.CANCELED -> {
                // the authenticator itself is missing or stuck: the operator must hear of it, the client not its details
                logger.warn("Dynamic authenticator {} could not decide: {}", procedure, error.getMessage());
                yield AuthDecision.reject(WampUris.AUTHENTICATION_FAILED, "the authenticator is not available");
            }
            default -> AuthDecision.reject(WampUris.AUTHENTICATION_FAILED, message);
        };
    }
}
