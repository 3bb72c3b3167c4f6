package io.wampspring.router;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import io.wampspring.router.auth.AuthIdentity;
import io.wampspring.router.message.Abort;
import io.wampspring.router.message.Goodbye;
import io.wampspring.router.message.WampMessage;
import io.wampspring.router.serialization.ProtocolViolationException;
import io.wampspring.router.transport.CloseReason;
import io.wampspring.router.transport.TransportInfo;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The router's side of one WAMP session and its state machine: HELLO, (CHALLENGE, AUTHENTICATE)*, WELCOME, then
 * routing until GOODBYE, ABORT or the connection is lost. Messages of one session are handled in the order they
 * arrive, on the thread that delivers them; only the transitions out of the established state take a lock. The
 * opening up to WELCOME is its {@link SessionHandshake}'s.
 */
public final class RouterSession implements WampPeer {

    private static final Logger logger = LoggerFactory.getLogger(RouterSession.class);

    /** Where a session is in its life. */
    public enum State { AWAITING_HELLO, AUTHENTICATING, ESTABLISHED, CLOSING, CLOSED }

    private static final VarHandle REQUEST_IDS = VarHandles.field(MethodHandles.lookup(), "requestIds", long.class);

    private final long id = Ids.random();
    /** The id boxed once: the key of this session in the realm's, dealer's and broker's maps. */
    private final Long key = id;
    private final WampRouter router;
    private final PeerConnection connection;
    /** The last router-issued request id toward this peer; any thread may take the next ({@link #REQUEST_IDS}). */
    private volatile long requestIds;
    private final long createdAt = System.currentTimeMillis();
    private volatile long joinedAt;
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    /**
     * Guards the state and the handshake's fields (shared with {@link SessionHandshake}). Held only while changing
     * them and sending to this session's own connection, never while calling into the realm or another session, so two
     * sessions never wait for each other.
     */
    private final Object lock = new Object();
    private volatile State state = State.AWAITING_HELLO;
    private volatile @Nullable Realm realm;
    private volatile @Nullable AuthIdentity identity;
    /** What HELLO.Details.roles announced; null for an in-process session, which supports every feature. */
    private volatile @Nullable AnnouncedFeatures features;
    private volatile @Nullable ScheduledFuture<?> goodbyeDeadline;
    /** This remote session's place under the session limits, from HELLO; given back when the session ends. */
    private volatile SessionAdmission.@Nullable Slot slot;
    /** Counts this session's messages (metrics); bound again to the realm once the session names one. */
    private volatile RouterObserver.MessageObserver messages;
    /** Whether the realm told its listeners of this session's join and leave, each once and in that order. */
    private final JoinAnnouncement announcement = new JoinAnnouncement();

    /** The router's own service session (meta API): may register and publish under {@code wamp.}. */
    private final boolean service;
    private final SessionHandshake handshake;

    RouterSession(WampRouter router, PeerConnection connection) {
        this(router, connection, false);
    }

    RouterSession(WampRouter router, PeerConnection connection, boolean service) {
        this.router = router;
        this.connection = connection;
        this.service = service;
        this.handshake = new SessionHandshake(this, router, lock);
        this.messages = observeMessages(null);
    }

    /** The router's own service session is no client: its messages are not counted. */
    private RouterObserver.MessageObserver observeMessages(@Nullable Realm in) {
        if (service) {
            return RouterObserver.MessageObserver.NONE;
        }
        TransportInfo info = connection.info();
        return router.observer().messages(in != null ? in.name() : null, info.type(), info.serializer());
    }

    @Override
    public boolean isRouterService() {
        return service;
    }

    /** Starts the clock on HELLO and authentication: a connection cannot stay unwelcomed for ever. */
    void startHandshakeTimer() {
        handshake.startTimer();
    }

    @Override
    public long sessionId() {
        return id;
    }

    @Override
    public Long sessionKey() {
        return key;
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
        messages.sent(message.type());
    }

    @Override
    public void sendAfter(Supplier<WampMessage> changeThenReply) {
        connection.sendAfter(() -> {
            WampMessage reply = changeThenReply.get();
            messages.sent(reply.type());
            return reply;
        });
    }

    @Override
    public void sendAllAfter(Supplier<List<WampMessage>> changeThenReplies) {
        connection.sendAllAfter(() -> {
            List<WampMessage> replies = changeThenReplies.get();
            for (WampMessage reply : replies) {
                messages.sent(reply.type());
            }
            return replies;
        });
    }

    @Override
    public boolean sendIf(BooleanSupplier condition, WampMessage message) {
        boolean sent = connection.sendIf(condition, message);
        if (sent) {
            messages.sent(message.type());
        }
        return sent;
    }

    @Override
    public boolean supports(String role, String feature) {
        AnnouncedFeatures announced = features;
        return announced == null || announced.has(role, feature);
    }

    /** Remote clients are held to the limit; in-process sessions (the application itself) are not. */
    @Override
    public int outstandingCallLimit() {
        return connection instanceof WampConnection ? router.config().limits().outstandingCallsPerSession() : 0;
    }

    @Override
    public long nextRequestId() {
        return (long) REQUEST_IDS.getAndAdd(this, 1L) + 1;
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

    /** When the session was welcomed into its realm (epoch millis); 0 before. */
    public long joinedAt() {
        return joinedAt;
    }

    /** The session's identity once welcomed; null before. */
    public @Nullable AuthIdentity identityOrNull() {
        return identity;
    }

    /** Handles one message from the peer. Called by one thread at a time per session for remote peers. */
    public void handle(WampMessage message) {
        messages.received(message.type());
        try {
            if (state == State.ESTABLISHED) {
                SessionMessages.route(this, message);
            }
            else {
                SessionMessages.outsideSession(this, message, handshake);
            }
        }
        catch (ProtocolViolationException ex) {
            // a violation found while routing (a reused request id), rather than while decoding
            protocolViolation(ex.getMessage());
        }
    }

    /**
     * Takes this session's place in {@code target} under the session limits (per realm, per remote address); the
     * refusal when there is none. The caller holds the lock, so a session that has ended meanwhile takes no place it
     * would never give back.
     */
    SessionAdmission.@Nullable Refused admitTo(Realm target) {
        assert Thread.holdsLock(lock);
        SessionAdmission.Decision decision = router.admission().admit(target.name(), connection.info().remoteAddress());
        if (decision instanceof SessionAdmission.Admitted admitted) {
            slot = admitted.slot();
            return null;
        }
        return (SessionAdmission.Refused) decision;
    }

    /**
     * ABORTs the session for running into a limit ({@code wamp.error.limit_exceeded}, the limit named in the details)
     * and tells the observer; every other session carries on.
     */
    void limitExceeded(@Nullable String realmName, Limit limit, String message) {
        router.observer().limitExceeded(realmName, limit);
        logger.debug("Session {} aborted: {}", id, message);
        end(CloseReason.NORMAL, new Abort(Map.of("message", message, "limit", limit.tagValue()),
                WampUris.LIMIT_EXCEEDED));
    }

    /** AWAITING_HELLO to AUTHENTICATING in {@code target}. The caller holds the lock. */
    void authenticatingIn(Realm target, @Nullable AnnouncedFeatures announced) {
        assert Thread.holdsLock(lock);
        realm = target;
        features = announced;
        messages = observeMessages(target);
        state = State.AUTHENTICATING;
    }

    /** AUTHENTICATING to ESTABLISHED as {@code authenticated}, in {@code target}. The caller holds the lock. */
    void establishedIn(Realm target, AuthIdentity authenticated) {
        assert Thread.holdsLock(lock);
        identity = authenticated;
        joinedAt = System.currentTimeMillis();
        // joining only adds this session to the realm's maps: no other session is called under the lock
        target.join(this);
        state = State.ESTABLISHED;
    }

    /** Joins an in-process session without HELLO: its identity is given, not claimed. */
    void joinLocal(Realm target, AuthIdentity localIdentity, @Nullable Map<String, Object> announcedRoles) {
        synchronized (lock) {
            authenticatingIn(target, announcedRoles != null ? router.announcedFeatures().of(announcedRoles) : null);
        }
        handshake.welcome(localIdentity);
    }

    /** ABORTs the session for a protocol violation; every other session carries on. */
    public void protocolViolation(String message) {
        router.stats().protocolViolations.increment();
        Realm current = realm;
        TransportInfo info = connection.info();
        router.observer().protocolViolation(current != null ? current.name() : null, info.type(), info.serializer());
        if (state == State.AUTHENTICATING) {
            // an AUTHENTICATE out of turn or malformed ends the authentication too: count it as a failed one
            handshake.authenticationFailed(WampUris.PROTOCOL_VIOLATION);
        }
        logger.debug("Protocol violation by session {}: {}", id, message);
        abort(WampUris.PROTOCOL_VIOLATION, message, CloseReason.PROTOCOL_ERROR);
    }

    /** Sends ABORT with the reason and message, then closes once it is flushed. */
    public void abort(String reason, String message, CloseReason closeReason) {
        end(closeReason, new Abort(Map.of("message", message), reason));
    }

    /** See {@link JoinAnnouncement#join}. */
    void announceJoin(Runnable announce) {
        announcement.join(announce);
    }

    /** See {@link JoinAnnouncement#leave}. */
    void announceLeave(Runnable announce) {
        announcement.leave(announce);
    }

    /**
     * Ends an established session from the router's side (shutdown, kill): GOODBYE with the reason and, if given, the
     * message, then the connection closes when the peer answers or the close timeout passes. Returns whether this call
     * ended an established session (false if it was not established, or ending already).
     */
    public boolean goodbye(String reason, @Nullable String message) {
        State before;
        synchronized (lock) {
            before = state;
            if (before == State.ESTABLISHED) {
                state = State.CLOSING;
            }
        }
        if (before != State.ESTABLISHED) {
            if (before != State.CLOSED && before != State.CLOSING) {
                abort(reason, message != null ? message : reason, CloseReason.SHUTDOWN);
            }
            return false;
        }
        // out of the realm first, so nothing routed to this session lands behind its GOODBYE
        leaveRealm();
        synchronized (lock) {
            if (state == State.CLOSING) {
                send(new Goodbye(message != null ? Map.of("message", message) : Map.of(), reason));
                goodbyeDeadline = router.schedule(router.config().closeTimeout(), () -> end(CloseReason.NORMAL, null));
            }
        }
        return true;
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
    void end(CloseReason reason, @Nullable WampMessage lastWords) {
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
        SessionAdmission.Slot held = slot;
        if (held != null) {
            held.release();
        }
        handshake.cancelTimer();
        cancel(goodbyeDeadline);
        leaveRealm();
        closed.complete(null);
    }

    static void cancel(@Nullable ScheduledFuture<?> timer) {
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
