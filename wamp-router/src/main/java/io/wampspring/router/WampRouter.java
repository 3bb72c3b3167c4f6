package io.wampspring.router;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.wampspring.router.auth.AuthIdentity;
import io.wampspring.router.service.RouterServices;
import io.wampspring.router.serialization.WampSerializer;
import io.wampspring.router.transport.Transport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A WAMP router: a set of realms that transports hand connections to. Thread-safe; it owns no transport thread of its
 * own, only the {@link RouterExecutors} it is given or creates.
 */
public final class WampRouter implements AutoCloseable {

    private static final Logger logger = LoggerFactory.getLogger(WampRouter.class);

    /** Distinct HELLO feature sets shared at most; clients of a few libraries and versions announce a few. */
    static final int MAX_SHARED_FEATURE_SETS = 256;

    private final RouterConfig config;
    private final Map<String, Realm> realms = new LinkedHashMap<>();
    private final RouterStats stats = new RouterStats();
    private final RouterExecutors executors;
    private final RouterObserver observer;
    private final SessionAdmission admission;
    /** The distinct feature sets clients announce, shared between their sessions. */
    private final AnnouncedFeatures.Shared announcedFeatures = new AnnouncedFeatures.Shared(MAX_SHARED_FEATURE_SETS);
    private volatile boolean closed;
    /** Whether {@link #shutdown(Duration)} has run (or is running), as opposed to only refusing new sessions. */
    private volatile boolean shutDown;

    /** A router with executors of its own, stopped with it. */
    public WampRouter(RouterConfig config, List<RealmConfig> realmConfigs) {
        this(config, realmConfigs, RouterExecutors.owned());
    }

    public WampRouter(RouterConfig config, List<RealmConfig> realmConfigs, RouterExecutors executors) {
        this(config, realmConfigs, executors, RouterObserver.NONE);
    }

    /** A router whose sessions, messages, calls and events {@code observer} hears of (metrics). */
    public WampRouter(RouterConfig config, List<RealmConfig> realmConfigs, RouterExecutors executors,
            RouterObserver observer) {
        if (realmConfigs.isEmpty()) {
            throw new IllegalArgumentException("a router needs at least one realm");
        }
        this.config = config;
        this.executors = executors;
        this.observer = observer;
        this.admission = new SessionAdmission(config.limits());
        for (RealmConfig realmConfig : realmConfigs) {
            if (!UriCheck.LOOSE.isValid(realmConfig.name(), false)) {
                throw new IllegalArgumentException("invalid realm name '" + realmConfig.name() + "'");
            }
            Realm realm = new Realm(realmConfig, config, executors.timer(), observer);
            if (realms.putIfAbsent(realmConfig.name(), realm) != null) {
                throw new IllegalArgumentException("realm '" + realmConfig.name() + "' is configured twice");
            }
        }
        // the realms exist now: their service sessions (meta APIs) can join them
        for (Realm realm : realms.values()) {
            RouterServices.start(this, realm);
        }
    }

    public RouterExecutors executors() {
        return executors;
    }

    public RouterConfig config() {
        return config;
    }

    /** What hears of the router's work (metrics); {@link RouterObserver#NONE} unless one was given. */
    public RouterObserver observer() {
        return observer;
    }

    /** Counts remote sessions per realm and per address against the session limits. */
    SessionAdmission admission() {
        return admission;
    }

    AnnouncedFeatures.Shared announcedFeatures() {
        return announcedFeatures;
    }

    public RouterStats stats() {
        return stats;
    }

    public @Nullable Realm realm(String name) {
        return realms.get(name);
    }

    public Collection<Realm> realms() {
        return realms.values();
    }

    /**
     * Accepts a new connection whose serializer the transport has negotiated. The transport feeds the returned
     * connection its frames and tells it when it closes.
     */
    public WampConnection connect(Transport transport, WampSerializer serializer) {
        WampConnection connection = new WampConnection(this, transport, serializer);
        connection.session().startHandshakeTimer();
        if (closed) {
            connection.session().abort(WampUris.CLOSE_SYSTEM_SHUTDOWN, "the router is shutting down",
                    io.wampspring.router.transport.CloseReason.SHUTDOWN);
        }
        return connection;
    }

    /** Joins an in-process session to a realm with the given identity; its messages go to {@code connection}. */
    public RouterSession joinLocal(String realmName, AuthIdentity identity, PeerConnection connection) {
        return joinLocal(realmName, identity, connection, null);
    }

    /**
     * Joins an in-process session that announces {@code roles} as a HELLO would (null: every feature). Its identity is
     * given, not claimed.
     */
    public RouterSession joinLocal(String realmName, AuthIdentity identity, PeerConnection connection,
            @Nullable Map<String, Object> roles) {
        Realm target = realms.get(realmName);
        if (target == null) {
            throw new IllegalArgumentException("no realm named '" + realmName + "'");
        }
        if (closed) {
            throw new IllegalStateException("the router is shut down");
        }
        RouterSession session = new RouterSession(this, connection, false);
        session.joinLocal(target, identity, roles);
        return session;
    }

    /**
     * Joins the router's own service session to a realm: it provides the meta API, may register and publish under
     * {@code wamp.}, and is not one of the realm's client sessions.
     */
    public RouterSession joinService(String realmName, PeerConnection connection) {
        Realm target = realms.get(realmName);
        if (target == null) {
            throw new IllegalArgumentException("no realm named '" + realmName + "'");
        }
        RouterSession session = new RouterSession(this, connection, true);
        session.joinLocal(target, new AuthIdentity("router", "wamp.router", "local", "router"), null);
        return session;
    }

    /** Runs a task later on the router's timer; null when the router has stopped its timer. */
    public @Nullable ScheduledFuture<?> schedule(Duration delay, Runnable task) {
        try {
            return executors.timer().schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (java.util.concurrent.RejectedExecutionException ex) {
            return null;
        }
    }

    /**
     * Says GOODBYE ({@code wamp.close.system_shutdown}) to every session and waits up to {@code timeout} for them to
     * close; the rest are cut off.
     */
    public void shutdown(Duration timeout) {
        beginShutdown();
        shutDown = true;
        List<RouterSession> all = realms.values().stream().flatMap(realm -> realm.sessions().stream()).toList();
        for (RouterSession session : all) {
            session.goodbye(WampUris.CLOSE_SYSTEM_SHUTDOWN, "the router is shutting down");
        }
        try {
            CompletableFuture.allOf(all.stream().map(RouterSession::closeFuture).toArray(CompletableFuture[]::new))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (TimeoutException | ExecutionException ex) {
            logger.debug("Not every session answered GOODBYE within {}", timeout);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        for (RouterSession session : all) {
            if (session.state() != RouterSession.State.CLOSED) {
                // no answer in time: cut the connection off, without waiting for its send buffer to drain
                if (session.connection() instanceof WampConnection connection) {
                    connection.closeNow(io.wampspring.router.transport.CloseReason.SHUTDOWN);
                }
                else {
                    session.connection().close(io.wampspring.router.transport.CloseReason.SHUTDOWN);
                }
                session.connectionLost();
            }
        }
        logger.debug("WAMP router shut down; {} sessions were open", all.size());
        executors.shutdown();
    }

    /**
     * Refuses new sessions from now on (a connection is ABORTed with {@code wamp.close.system_shutdown}), while the
     * sessions already open carry on until {@link #shutdown(Duration)}: an application drains its in-flight calls in
     * between.
     */
    public void beginShutdown() {
        closed = true;
    }

    /** True once shutdown has begun: new sessions are refused. */
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        if (!shutDown) {
            shutdown(config.closeTimeout());
        }
    }
}
