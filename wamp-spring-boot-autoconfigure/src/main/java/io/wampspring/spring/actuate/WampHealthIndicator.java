package io.wampspring.spring.actuate;

import java.util.LinkedHashMap;
import java.util.Map;

import io.wampspring.router.Realm;
import io.wampspring.router.WampRouter;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The router's health: UP while it accepts sessions, DOWN once shutdown has begun. Details: the number of sessions
 * in all and in each realm.
 */
public class WampHealthIndicator extends AbstractHealthIndicator {

    private final WampRouter router;

    public WampHealthIndicator(WampRouter router) {
        super("WAMP health check failed");
        this.router = router;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Map<String, Object> realms = new LinkedHashMap<>();
        int sessions = 0;
        for (Realm realm : router.realms()) {
            int count = realm.sessions().size();
            sessions += count;
            realms.put(realm.name(), Map.of("sessions", count));
        }
        if (router.isClosed()) {
            builder.down().withDetail("reason", "the router is shutting down");
        }
        else {
            builder.up();
        }
        builder.withDetail("sessions", sessions).withDetail("realms", realms);
    }
}
