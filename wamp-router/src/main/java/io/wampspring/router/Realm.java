package io.wampspring.router;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

import io.wampspring.router.auth.Authenticator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A routing domain: its sessions, its dealer and broker, and how clients authenticate to it. */
public final class Realm {

    private static final Logger logger = LoggerFactory.getLogger(Realm.class);

    private final String name;
    private final Map<String, Authenticator> authenticators = new LinkedHashMap<>();
    private final Dealer dealer;
    private final Broker broker;
    private final ConcurrentHashMap<Long, RouterSession> sessions = new ConcurrentHashMap<>();
    private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();

    Realm(RealmConfig config, RouterConfig routerConfig, ScheduledExecutorService timer, RouterObserver observer) {
        this.name = config.name();
        for (Authenticator authenticator : config.authenticators()) {
            authenticators.putIfAbsent(authenticator.authMethod(), authenticator);
        }
        this.dealer = new Dealer(routerConfig.uriCheck(), config.authorizer(), config.rpc(), timer,
                new CallObserver(name, observer));
        this.broker = new Broker(routerConfig.uriCheck(), config.authorizer(), config.pubsub(), name, observer);
    }

    public String name() {
        return name;
    }

    public Dealer dealer() {
        return dealer;
    }

    public Broker broker() {
        return broker;
    }

    public Collection<RouterSession> sessions() {
        return sessions.values();
    }

    public @Nullable RouterSession session(long id) {
        return sessions.get(id);
    }

    public void addSessionListener(SessionListener listener) {
        listeners.add(listener);
    }

    /**
     * Ends a client session of this realm from the router's side: GOODBYE with {@code reason} (such as
     * {@code wamp.close.killed}) and {@code message}, then the connection closes when the peer answers or the close
     * timeout passes. False when the realm has no such session.
     */
    public boolean kill(long sessionId, String reason, String message) {
        RouterSession session = sessions.get(sessionId);
        if (session == null) {
            return false;
        }
        session.goodbye(reason, message);
        return true;
    }

    @Nullable Authenticator authenticator(String authMethod) {
        return authenticators.get(authMethod);
    }

    Map<String, Object> roles() {
        return Map.of(
                "broker", Map.of("features", broker.features()),
                "dealer", Map.of("features", dealer.features()));
    }

    /** A client session joins; the router's own service session takes part in routing but is no client. */
    void join(RouterSession session) {
        if (!session.isRouterService()) {
            sessions.put(session.sessionKey(), session);
        }
        dealer.join(session);
        broker.join(session);
    }

    /** The session has been welcomed: the listeners hear of it, outside the session's lock. */
    void joined(RouterSession session) {
        if (!session.isRouterService()) {
            session.announceJoin(() -> notify(listener -> listener.joined(session)));
        }
    }

    void leave(RouterSession session) {
        boolean client = sessions.remove(session.sessionId()) != null;
        if (client || session.isRouterService()) {
            dealer.leave(session);
            broker.leave(session);
        }
        if (client) {
            session.announceLeave(() -> notify(listener -> listener.left(session)));
        }
    }

    private void notify(Consumer<SessionListener> event) {
        for (SessionListener listener : listeners) {
            try {
                event.accept(listener);
            }
            catch (RuntimeException ex) {
                logger.warn("Session listener {} failed", listener, ex);
            }
        }
    }
}
