package io.wampspring.spring.core;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.wampspring.router.Realm;
import io.wampspring.router.WampRouter;
import io.wampspring.router.auth.AuthIdentity;
import io.wampspring.router.client.LocalSession;

/**
 * The application's in-process sessions, one per realm and role: annotated endpoints share one session per realm,
 * and {@link WampTemplate} has its own, so that what the template publishes reaches the annotated subscribers
 * (publisher exclusion applies per session). Sessions are opened on first use and closed with the router.
 */
public final class WampLocalSessions implements AutoCloseable {

    /** Who an in-process session is. */
    public enum Purpose { ENDPOINTS, TEMPLATE }

    private final WampRouter router;
    private final Executor executor;
    private final String authid;
    private final String authrole;
    private final int eventBacklog;
    private final Map<String, LocalSession> sessions = new ConcurrentHashMap<>();

    public WampLocalSessions(WampRouter router, Executor executor, String authid, String authrole, int eventBacklog) {
        this.router = router;
        this.executor = executor;
        this.authid = authid;
        this.authrole = authrole;
        this.eventBacklog = eventBacklog;
    }

    /** The names of the router's realms, which {@link #session} can open sessions in. */
    public List<String> realms() {
        return router.realms().stream().map(Realm::name).toList();
    }

    public LocalSession session(String realm, Purpose purpose) {
        String key = realm + '\n' + purpose;
        LocalSession open = sessions.get(key);
        if (open != null && open.isOpen()) {
            return open;
        }
        return sessions.compute(key, (ignored, current) -> {
            if (current != null && current.isOpen()) {
                return current;
            }
            AuthIdentity identity = new AuthIdentity(authid, authrole, "local", "spring",
                    Map.of("purpose", purpose.name().toLowerCase(java.util.Locale.ROOT)));
            return new LocalSession(router, realm, identity, executor, eventBacklog);
        });
    }

    /**
     * Waits until no invocation of a procedure of these sessions is running (each answered), or {@code timeout}
     * passes. True when they all finished in time.
     */
    public boolean awaitIdle(Duration timeout) {
        CompletableFuture<?>[] idle = sessions.values().stream().map(LocalSession::whenIdle)
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(idle).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        }
        catch (TimeoutException | ExecutionException ex) {
            return false;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        sessions.values().forEach(LocalSession::close);
        sessions.clear();
    }
}
