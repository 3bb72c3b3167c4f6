package io.wampspring.router;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;

import io.wampspring.router.auth.Authenticator;
import org.jspecify.annotations.Nullable;

/** A routing domain: its sessions, its dealer and broker, and how clients authenticate to it. */
public final class Realm {

    private final String name;
    private final Map<String, Authenticator> authenticators = new LinkedHashMap<>();
    private final Dealer dealer;
    private final Broker broker;
    private final ConcurrentHashMap<Long, RouterSession> sessions = new ConcurrentHashMap<>();

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
            sessions.put(session.sessionId(), session);
        }
        dealer.join(session);
        broker.join(session);
    }

    void leave(RouterSession session) {
        if (sessions.remove(session.sessionId()) != null || session.isRouterService()) {
            dealer.leave(session);
            broker.leave(session);
        }
    }
}
