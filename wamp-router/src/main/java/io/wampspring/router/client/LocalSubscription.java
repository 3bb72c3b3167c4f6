package io.wampspring.router.client;

import java.util.concurrent.CompletableFuture;

/** One handler's subscription in a {@link LocalSession}. */
public final class LocalSubscription {

    private final LocalSession session;
    private final long id;
    private final LocalSubscriptions.Listener listener;

    LocalSubscription(LocalSession session, long id, LocalSubscriptions.Listener listener) {
        this.session = session;
        this.id = id;
        this.listener = listener;
    }

    /** The router's subscription id. */
    public long id() {
        return id;
    }

    /** Events dropped for this handler because it fell more than the session's event backlog behind. */
    public long droppedEvents() {
        return listener.droppedEvents();
    }

    /** Removes this handler; the router's subscription ends with the session's last handler on it. */
    public CompletableFuture<Void> unsubscribe() {
        return session.unsubscribe(id, listener);
    }
}
