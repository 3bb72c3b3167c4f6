package io.wampspring.router;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import io.wampspring.router.auth.AuthDecision;
import io.wampspring.router.auth.AuthIdentity;
import io.wampspring.router.auth.AuthRequest;
import io.wampspring.router.auth.Authenticator;
import io.wampspring.router.message.Abort;
import io.wampspring.router.message.Authenticate;
import io.wampspring.router.message.Call;
import io.wampspring.router.message.Cancel;
import io.wampspring.router.message.Challenge;
import io.wampspring.router.message.ErrorMessage;
import io.wampspring.router.message.Goodbye;
import io.wampspring.router.message.Hello;
import io.wampspring.router.message.MessageType;
import io.wampspring.router.message.Publish;
import io.wampspring.router.message.Register;
import io.wampspring.router.message.Subscribe;
import io.wampspring.router.message.Unregister;
import io.wampspring.router.message.Unsubscribe;
import io.wampspring.router.message.WampMessage;
import io.wampspring.router.message.Welcome;
import io.wampspring.router.message.Yield;
import io.wampspring.router.serialization.ProtocolViolationException;
import io.wampspring.router.transport.CloseReason;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The router's side of one WAMP session and its state machine: HELLO, (CHALLENGE, AUTHENTICATE)*, WELCOME, then
 * routing until GOODBYE, ABORT or the connection is lost. Messages of one session are handled in the order they
 * arrive, on the thread that delivers them; only the transitions out of the established state take a lock.
 */
public final class RouterSession implements WampPeer {

    private static final Logger logger = LoggerFactory.getLogger(RouterSession.class);

    /** Where a session is in its life. */
    public enum State { AWAITING_HELLO, AUTHENTICATING, ESTABLISHED, CLOSING, CLOSED }

    private final long id = Ids.random();
    private final WampRouter router;
    private final PeerConnection connection;
    private final AtomicLong requestIds = new AtomicLong();
    private final long createdAt = System.currentTimeMillis();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    /**
     * Guards the state and the handshake's fields. Held only while changing them and sending to this session's own
     * connection, never while calling into the realm or another session, so two sessions never wait for each other.
     */
    private final Object lock = new Object();
    private volatile State state = State.AWAITING_HELLO;
    private volatile @Nullable Realm realm;
    private volatile @Nullable AuthIdentity identity;
    /** HELLO.Details.roles; null for an in-process session, which supports every feature. */
    private volatile @Nullable Map<?, ?> roles;
    private AuthDecision.@Nullable Responder responder;
    private @Nullable String pendingAuthMethod;
    private volatile @Nullable ScheduledFuture<?> handshakeDeadline;
    private volatile @Nullable ScheduledFuture<?> goodbyeDeadline;

    /** The router's own service session (meta API): may register and publish under {@code wamp.}. */
    private final boolean service;

    RouterSession(WampRouter router, PeerConnection connection) {
        this(router, connection, false);
    }

    RouterSession(WampRouter router, PeerConnection connection, boolean service) {
        this.router = router;
        this.connection = connection;
        this.service = service;
    }

    @Override
    public boolean isRouterService() {
        return service;
    }

    /** Starts the clock on HELLO and authentication: a connection cannot stay unwelcomed for ever. */
    void startHandshakeTimer() {
        Duration timeout = router.config().handshakeTimeout();
        handshakeDeadline = router.schedule(timeout, () -> handshakeExpired(timeout));
    }

    private void handshakeExpired(Duration timeout) {
        State current = state;
        if (current == State.AWAITING_HELLO) {
            abort(WampUris.TIMEOUT, "no HELLO within " + timeout.toMillis() + " ms", CloseReason.NORMAL);
        }
        else if (current == State.AUTHENTICATING) {
            abort(WampUris.AUTHENTICATION_FAILED, "authentication did not complete within " + timeout.toMillis()
                    + " ms", CloseReason.NORMAL);
        }
    }

    @Override
    public long sessionId() {
        return id;
    }

    @Override
    public AuthIdentity identity() {
        AuthIdentity current = identity;
        if (current == null) {
            throw new IllegalStateException("session " + id + " is not authenticated");
        }
        return current;
    }

    @Override
    public void send(WampMessage message) {
        connection.send(message);
    }

    @Override
    public void sendAfter(Supplier<WampMessage> changeThenReply) {
        connection.sendAfter(changeThenReply);
    }

    @Override
    public void sendAllAfter(Supplier<List<WampMessage>> changeThenReplies) {
        connection.sendAllAfter(changeThenReplies);
    }

    @Override
    public boolean sendIf(BooleanSupplier condition, WampMessage message) {
        return connection.sendIf(condition, message);
    }

    @Override
    public boolean supports(String role, String feature) {
        Map<?, ?> announced = roles;
        if (announced == null) {
            return true;
        }
        return HelloDetails.announces(announced, role, feature);
    }

    @Override
    public long nextRequestId() {
        return requestIds.incrementAndGet();
    }

    public State state() {
        return state;
    }

    /** Completes when the session has ended, however it ended. */
    public CompletableFuture<Void> closeFuture() {
        return closed;
    }

    public @Nullable Realm realm() {
        return realm;
    }

    public PeerConnection connection() {
        return connection;
    }

    public long createdAt() {
        return createdAt;
    }

    /** Handles one message from the peer. Called by one thread at a time per session for remote peers. */
    public void handle(WampMessage message) {
        try {
            if (state == State.ESTABLISHED) {
                route(message);
            }
            else {
                handleOutsideSession(message);
            }
        }
        catch (ProtocolViolationException ex) {
            // a violation found while routing (a reused request id), rather than while decoding
            protocolViolation(ex.getMessage());
        }
    }

    private void route(WampMessage message) {
        Realm current = realm;
        if (current == null) {
            return;
        }
        switch (message.type()) {
            case CALL -> current.dealer().call(this, (Call) message);
            case YIELD -> current.dealer().yield(this, (Yield) message);
            case PUBLISH -> current.broker().publish(this, (Publish) message);
            case SUBSCRIBE -> current.broker().subscribe(this, (Subscribe) message);
            case UNSUBSCRIBE -> current.broker().unsubscribe(this, (Unsubscribe) message);
            case REGISTER -> current.dealer().register(this, (Register) message);
            case UNREGISTER -> current.dealer().unregister(this, (Unregister) message);
            case ERROR -> {
                ErrorMessage error = (ErrorMessage) message;
                if (error.requestType() == MessageType.INVOCATION) {
                    current.dealer().invocationError(this, error);
                }
                else {
                    protocolViolation("ERROR for a " + error.requestType() + " is not a message a client sends");
                }
            }
            case CANCEL -> current.dealer().cancel(this, (Cancel) message);
            case GOODBYE -> end(CloseReason.NORMAL, new Goodbye(Map.of(), WampUris.CLOSE_GOODBYE_AND_OUT));
            case ABORT -> end(CloseReason.NORMAL, null);
            case HELLO -> protocolViolation("HELLO received on an established session");
            default -> protocolViolation(message.type() + " is not a message a client sends");
        }
    }

    /** Messages before WELCOME and after GOODBYE; one at a time per session, like every message. */
    private void handleOutsideSession(WampMessage message) {
        switch (state) {
            case AWAITING_HELLO -> {
                if (message instanceof Hello hello) {
                    hello(hello);
                }
                else if (message.type() == MessageType.ABORT) {
                    end(CloseReason.NORMAL, null);
                }
                else {
                    protocolViolation(message.type() + " received before HELLO");
                }
            }
            case AUTHENTICATING -> {
                AuthDecision.Responder current = null;
                if (message instanceof Authenticate) {
                    synchronized (lock) {
                        current = responder;
                        responder = null;
                    }
                }
                if (current != null) {
                    AuthDecision.Responder answering = current;
                    authenticateWith(() -> answering.respond((Authenticate) message));
                }
                else if (message.type() == MessageType.ABORT) {
                    end(CloseReason.NORMAL, null);
                }
                else {
                    protocolViolation(message.type() + " received while authenticating"
                            + (message.type() == MessageType.AUTHENTICATE ? " without a CHALLENGE" : ""));
                }
            }
            case CLOSING -> {
                if (message.type() == MessageType.GOODBYE || message.type() == MessageType.ABORT) {
                    end(CloseReason.NORMAL, null);
                }
            }
            case ESTABLISHED -> route(message);
            case CLOSED -> logger.trace("Session {} ignores {} after close", id, message.type());
        }
    }

    private void hello(Hello hello) {
        Map<String, Object> details = hello.details();
        HelloDetails offered = HelloDetails.of(details);
        List<String> methods = offered.authmethods();
        if (router.isClosed()) {
            abort(WampUris.CLOSE_SYSTEM_SHUTDOWN, "the router is shutting down", CloseReason.SHUTDOWN);
            return;
        }
        Realm target = router.realm(hello.realm());
        if (target == null) {
            abort(WampUris.NO_SUCH_REALM, "no realm named '" + hello.realm() + "'", CloseReason.NORMAL);
            return;
        }
        Authenticator authenticator = methods.stream()
                .map(target::authenticator)
                .filter(candidate -> candidate != null)
                .findFirst().orElse(null);
        if (authenticator == null) {
            abort(WampUris.NO_MATCHING_AUTH_METHOD,
                    "realm '" + target.name() + "' accepts none of the offered methods " + methods, CloseReason.NORMAL);
            return;
        }
        synchronized (lock) {
            if (state != State.AWAITING_HELLO) {
                return;
            }
            realm = target;
            this.roles = offered.roles();
            state = State.AUTHENTICATING;
            pendingAuthMethod = authenticator.authMethod();
        }
        AuthRequest request = new AuthRequest(id, target.name(), offered.authid(), details, connection.info());
        authenticateWith(() -> authenticator.authenticate(request));
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
        if (state != State.AUTHENTICATING) {
            return;
        }
        if (failure != null || decision == null) {
            logger.warn("Authentication of session {} failed", id, failure);
            abort(WampUris.AUTHENTICATION_FAILED, "authentication failed", CloseReason.NORMAL);
        }
        else if (decision instanceof AuthDecision.Accept accept) {
            welcome(accept.identity());
        }
        else if (decision instanceof AuthDecision.Challenge challenge) {
            synchronized (lock) {
                if (state == State.AUTHENTICATING) {
                    responder = challenge.responder();
                    send(new Challenge(pendingAuthMethod, challenge.extra()));
                }
            }
        }
        else if (decision instanceof AuthDecision.Reject reject) {
            abort(reject.reason(), reject.message(), CloseReason.NORMAL);
        }
    }

    private void welcome(AuthIdentity authenticated) {
        Realm target = realm;
        if (target == null) {
            return;
        }
        if (router.isClosed()) {
            // authentication finished after shutdown began: the session would never be told goodbye
            abort(WampUris.CLOSE_SYSTEM_SHUTDOWN, "the router is shutting down", CloseReason.SHUTDOWN);
            return;
        }
        synchronized (lock) {
            if (state != State.AUTHENTICATING) {
                return;
            }
            identity = authenticated;
            // joining only adds this session to the realm's maps: no other session is called under the lock
            target.join(this);
            state = State.ESTABLISHED;
            // WELCOME goes out under the lock, so a GOODBYE from a shutdown cannot overtake it
            send(new Welcome(id, HelloDetails.welcome(target, authenticated)));
        }
        cancel(handshakeDeadline);
        if (!service) {
            router.stats().sessionsOpened.increment();
        }
        if (router.isClosed()) {
            // the shutdown took its list of sessions before this one joined: say goodbye ourselves
            goodbye(WampUris.CLOSE_SYSTEM_SHUTDOWN, "the router is shutting down");
        }
    }

    /** Joins an in-process session without HELLO: its identity is given, not claimed. */
    void joinLocal(Realm target, AuthIdentity localIdentity, @Nullable Map<String, Object> announcedRoles) {
        synchronized (lock) {
            realm = target;
            roles = announcedRoles;
            state = State.AUTHENTICATING;
        }
        welcome(localIdentity);
    }

    /** ABORTs the session for a protocol violation; every other session carries on. */
    public void protocolViolation(String message) {
        router.stats().protocolViolations.increment();
        logger.debug("Protocol violation by session {}: {}", id, message);
        abort(WampUris.PROTOCOL_VIOLATION, message, CloseReason.PROTOCOL_ERROR);
    }

    /** Sends ABORT with the reason and message, then closes once it is flushed. */
    public void abort(String reason, String message, CloseReason closeReason) {
        end(closeReason, new Abort(Map.of("message", message), reason));
    }

    /**
     * Ends an established session from the router's side (shutdown, kill): GOODBYE, then the connection closes when
     * the peer answers or the close timeout passes.
     */
    public void goodbye(String reason, String message) {
        State before;
        synchronized (lock) {
            before = state;
            if (before == State.ESTABLISHED) {
                state = State.CLOSING;
            }
        }
        if (before != State.ESTABLISHED) {
            if (before != State.CLOSED && before != State.CLOSING) {
                abort(reason, message, CloseReason.SHUTDOWN);
            }
            return;
        }
        // out of the realm first, so nothing routed to this session lands behind its GOODBYE
        leaveRealm();
        synchronized (lock) {
            if (state == State.CLOSING) {
                send(new Goodbye(Map.of("message", message), reason));
                goodbyeDeadline = router.schedule(router.config().closeTimeout(), () -> end(CloseReason.NORMAL, null));
            }
        }
    }

    /** The connection is gone: the session leaves its realm at once. */
    public void connectionLost() {
        synchronized (lock) {
            state = State.CLOSED;
        }
        finish();
    }

    /**
     * Ends the session once: out of the realm, then {@code lastWords} (ABORT, GOODBYE) if any, then the connection
     * closes after flushing them.
     */
    private void end(CloseReason reason, @Nullable WampMessage lastWords) {
        synchronized (lock) {
            if (state == State.CLOSED) {
                return;
            }
            state = State.CLOSED;
        }
        leaveRealm();
        if (lastWords != null) {
            send(lastWords);
        }
        connection.close(reason);
        finish();
    }

    private void finish() {
        cancel(handshakeDeadline);
        cancel(goodbyeDeadline);
        leaveRealm();
        closed.complete(null);
    }

    private static void cancel(@Nullable ScheduledFuture<?> timer) {
        if (timer != null) {
            timer.cancel(false);
        }
    }

    /**
     * Leaves the realm (once: the realm ignores a second leave). Never under this session's lock: leaving fails the
     * calls in flight to this session, which sends to other sessions. A transport that reports its close while this
     * thread holds the lock (a write failing inline) has the leave done on the router's executor instead.
     */
    private void leaveRealm() {
        Realm current = realm;
        if (current == null) {
            return;
        }
        if (Thread.holdsLock(lock)) {
            router.executors().async().execute(() -> current.leave(this));
        }
        else {
            current.leave(this);
        }
    }

    @Override
    public String toString() {
        return "RouterSession[" + id + ", " + state + "]";
    }
}
