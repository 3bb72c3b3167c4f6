package io.wampspring.router;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Supplier;

import io.wampspring.router.RouterSession.State;
import io.wampspring.router.auth.AuthDecision;
import io.wampspring.router.auth.AuthIdentity;
import io.wampspring.router.auth.AuthRequest;
import io.wampspring.router.auth.Authenticator;
import io.wampspring.router.message.Authenticate;
import io.wampspring.router.message.Challenge;
import io.wampspring.router.message.Hello;
import io.wampspring.router.message.Welcome;
import io.wampspring.router.transport.CloseReason;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The opening of one {@link RouterSession}: HELLO, (CHALLENGE, AUTHENTICATE)*, then WELCOME or ABORT, within the
 * handshake timeout. The session keeps the state; the handshake moves it from AWAITING_HELLO through AUTHENTICATING to
 * ESTABLISHED, under the session's own lock, which also guards the handshake's fields.
 */
final class SessionHandshake {

    // under the session's category, so logging configured for RouterSession still covers authentication failures
    private static final Logger logger = LoggerFactory.getLogger(RouterSession.class);

    private final RouterSession session;
    private final WampRouter router;
    /** The session's lock: the handshake's fields change together with the session's state. */
    private final Object lock;
    private AuthDecision.@Nullable Responder responder;
    private @Nullable String pendingAuthMethod;
    private volatile @Nullable ScheduledFuture<?> deadline;

    SessionHandshake(RouterSession session, WampRouter router, Object lock) {
        this.session = session;
        this.router = router;
        this.lock = lock;
    }

    /** Starts the clock on HELLO and authentication: a connection cannot stay unwelcomed for ever. */
    void startTimer() {
        Duration timeout = router.config().handshakeTimeout();
        deadline = router.schedule(timeout, () -> expired(timeout));
    }

    /**
     * The handshake is over, however it ended: its timer must not fire on a finished session, and the session does
     * not keep the cancelled task (and what it captured) for the rest of its life.
     */
    void cancelTimer() {
        RouterSession.cancel(deadline);
        deadline = null;
    }

    private void expired(Duration timeout) {
        State current = session.state();
        if (current == State.AWAITING_HELLO) {
            session.abort(WampUris.TIMEOUT, "no HELLO within " + timeout.toMillis() + " ms", CloseReason.NORMAL);
        }
        else if (current == State.AUTHENTICATING) {
            authenticationFailed(WampUris.AUTHENTICATION_FAILED);
            session.abort(WampUris.AUTHENTICATION_FAILED, "authentication did not complete within "
                    + timeout.toMillis() + " ms", CloseReason.NORMAL);
        }
    }

    void hello(Hello hello) {
        Map<String, Object> details = hello.details();
        HelloDetails offered = HelloDetails.of(details);
        List<String> methods = offered.authmethods();
        if (router.isClosed()) {
            session.abort(WampUris.CLOSE_SYSTEM_SHUTDOWN, "the router is shutting down", CloseReason.SHUTDOWN);
            return;
        }
        Realm target = router.realm(hello.realm());
        if (target == null) {
            session.abort(WampUris.NO_SUCH_REALM, "no realm named '" + hello.realm() + "'", CloseReason.NORMAL);
            return;
        }
        Authenticator authenticator = methods.stream()
                .map(target::authenticator)
                .filter(candidate -> candidate != null)
                .findFirst().orElse(null);
        if (authenticator == null) {
            router.observer().authenticationFailed(target.name(), null, WampUris.NO_MATCHING_AUTH_METHOD);
            session.abort(WampUris.NO_MATCHING_AUTH_METHOD,
                    "realm '" + target.name() + "' accepts none of the offered methods " + methods, CloseReason.NORMAL);
            return;
        }
        AnnouncedFeatures announced = router.announcedFeatures().of(offered.roles());
        SessionAdmission.Refused refused;
        synchronized (lock) {
            if (session.state() != State.AWAITING_HELLO) {
                return;
            }
            refused = session.admitTo(target);
            if (refused == null) {
                session.authenticatingIn(target, announced);
                pendingAuthMethod = authenticator.authMethod();
            }
        }
        if (refused != null) {
            session.limitExceeded(target.name(), refused.limit(), refused.message());
            return;
        }
        AuthRequest request = new AuthRequest(session.sessionId(), target.name(), offered.authid(), details,
                session.connection().info());
        authenticateWith(() -> authenticator.authenticate(request));
    }

    /**
     * Hands AUTHENTICATE to the authenticator that sent the last CHALLENGE; false when no CHALLENGE awaits an answer
     * (each CHALLENGE is answered once).
     */
    boolean answer(Authenticate authenticate) {
        AuthDecision.Responder current;
        synchronized (lock) {
            current = responder;
            responder = null;
        }
        if (current == null) {
            return false;
        }
        authenticateWith(() -> current.respond(authenticate));
        return true;
    }

    /** Runs one step of an authenticator; whatever it throws or fails with ends the session, never hangs it. */
    private void authenticateWith(Supplier<@Nullable CompletionStage<AuthDecision>> step) {
        CompletionStage<AuthDecision> decision;
        try {
            decision = step.get();
        }
        catch (RuntimeException ex) {
            decision = CompletableFuture.failedFuture(ex);
        }
        if (decision == null) {
            decision = CompletableFuture.failedFuture(new IllegalStateException("the authenticator returned null"));
        }
        decision.whenComplete(this::onAuthDecision);
    }

    private void onAuthDecision(@Nullable AuthDecision decision, @Nullable Throwable failure) {
        if (session.state() != State.AUTHENTICATING) {
            return;
        }
        if (failure != null || decision == null) {
            logger.warn("Authentication of session {} failed", session.sessionId(), failure);
            authenticationFailed(WampUris.AUTHENTICATION_FAILED);
            session.abort(WampUris.AUTHENTICATION_FAILED, "authentication failed", CloseReason.NORMAL);
        }
        else if (decision instanceof AuthDecision.Accept accept) {
            welcome(accept.identity());
        }
        else if (decision instanceof AuthDecision.Challenge challenge) {
            synchronized (lock) {
                if (session.state() == State.AUTHENTICATING) {
                    responder = challenge.responder();
                    session.send(new Challenge(pendingAuthMethod, challenge.extra()));
                }
            }
        }
        else if (decision instanceof AuthDecision.Reject reject) {
            authenticationFailed(reject.reason());
            session.abort(reject.reason(), reject.message(), CloseReason.NORMAL);
        }
    }

    /** Tells the router's observer that this session failed to authenticate to the realm it is authenticating in. */
    void authenticationFailed(String error) {
        Realm target = session.realm();
        if (target != null) {
            String method;
            synchronized (lock) {
                method = pendingAuthMethod;
            }
            router.observer().authenticationFailed(target.name(), method, error);
        }
    }

    /** Establishes the authenticated session in the realm it is authenticating in, and tells the peer so. */
    void welcome(AuthIdentity authenticated) {
        Realm target = session.realm();
        if (target == null) {
            return;
        }
        if (router.isClosed()) {
            // authentication finished after shutdown began: the session would never be told goodbye
            session.abort(WampUris.CLOSE_SYSTEM_SHUTDOWN, "the router is shutting down", CloseReason.SHUTDOWN);
            return;
        }
        synchronized (lock) {
            if (session.state() != State.AUTHENTICATING) {
                return;
            }
            session.establishedIn(target, authenticated);
            if (!session.isRouterService()) {
                // counted before WELCOME goes out: a client that reads WELCOME finds itself in every count
                router.stats().sessionsOpened.increment();
            }
            // WELCOME goes out under the lock, so a GOODBYE from a shutdown cannot overtake it
            session.send(new Welcome(session.sessionId(), HelloDetails.welcome(target, authenticated)));
        }
        cancelTimer();
        target.joined(session);
        if (router.isClosed()) {
            // the shutdown took its list of sessions before this one joined: say goodbye ourselves
            session.goodbye(WampUris.CLOSE_SYSTEM_SHUTDOWN, "the router is shutting down");
        }
    }
}
