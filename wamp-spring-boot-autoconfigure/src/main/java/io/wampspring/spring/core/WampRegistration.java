package io.wampspring.spring.core;

import java.util.concurrent.CompletableFuture;

import io.wampspring.router.client.LocalSession;

/** A procedure registered through {@link WampTemplate#register}: its id, and a way to take it back. */
public final class WampRegistration {

    private final LocalSession session;
    private final long id;

    WampRegistration(LocalSession session, long id) {
        this.session = session;
        this.id = id;
    }

    /** The router's registration id. */
    public long id() {
        return id;
    }

    public CompletableFuture<Void> unregister() {
        return session.unregister(id);
    }
}
