package io.wampspring.router.service;

import io.wampspring.router.Realm;
import io.wampspring.router.WampRouter;
import io.wampspring.router.client.LocalSession;

/**
 * The procedures and topics the router itself provides in each realm (the meta APIs): one service session per realm,
 * going through the same dealer and broker as every client.
 */
public final class RouterServices {

    private RouterServices() {
    }

    /** Starts the services of one realm. */
    public static void start(WampRouter router, Realm realm) {
        LocalSession session = LocalSession.routerService(router, realm.name());
        MetaSession meta = new MetaSession(session);
        new RegistrationMetaService(realm.dealer(), meta).start();
        new SubscriptionMetaService(realm.broker(), meta).start();
        // testaments first: a session's testaments are published before its on_leave
        new TestamentService(realm, meta).start();
        new SessionMetaService(realm, meta, router.config().uriCheck()).start();
        if (!realm.broker().config().history().isEmpty()) {
            new EventHistoryService(realm, session).start();
        }
    }
}
