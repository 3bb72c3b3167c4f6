package io.wampspring.spring.observation;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.wampspring.router.Realm;
import io.wampspring.router.RouterSession;
import io.wampspring.router.WampConnection;
import io.wampspring.router.WampRouter;

/**
 * The router's gauges, read when the registry is scraped (nothing on the routing threads): the sessions of each
 * realm, and the bytes waiting in their send buffers.
 */
public final class WampRouterMeters {

    private final WampRouter router;

    public WampRouterMeters(WampRouter router) {
        this.router = router;
    }

    public void bindTo(MeterRegistry registry) {
        for (Realm realm : router.realms()) {
            Gauge.builder("wamp.sessions", realm, WampRouterMeters::sessions)
                    .description("Client sessions joined to the realm, in-process ones included")
                    .baseUnit("sessions").tag("realm", realm.name()).strongReference(true).register(registry);
            Gauge.builder("wamp.send.buffer.queued", realm, WampRouterMeters::queuedBytes)
                    .description("Bytes waiting in the send buffers of the realm's remote sessions")
                    .baseUnit("bytes").tag("realm", realm.name()).strongReference(true).register(registry);
        }
    }

    private static double sessions(Realm realm) {
        return realm.sessions().size();
    }

    private static double queuedBytes(Realm realm) {
        long queued = 0;
        for (RouterSession session : realm.sessions()) {
            if (session.connection() instanceof WampConnection connection) {
                queued += connection.queuedBytes();
            }
        }
        return queued;
    }
}
