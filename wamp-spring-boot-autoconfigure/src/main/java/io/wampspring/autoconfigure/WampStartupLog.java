package io.wampspring.autoconfigure;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import io.wampspring.router.Realm;
import io.wampspring.router.WampRouter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;

/**
 * Writes one INFO line when the application has started: where the router is served (each transport with its path
 * and serializers) and which realms it has, so that what runs can be read in the log rather than guessed from the
 * configuration.
 */
public final class WampStartupLog implements ApplicationListener<ContextRefreshedEvent>, ApplicationContextAware {

    private static final Logger logger = LoggerFactory.getLogger(WampStartupLog.class);

    private final WampRouter router;
    private final List<WampTransportInfo> transports;
    private final AtomicBoolean logged = new AtomicBoolean();
    private ApplicationContext applicationContext;

    public WampStartupLog(WampRouter router, List<WampTransportInfo> transports) {
        this.router = router;
        this.transports = List.copyOf(transports);
    }

    @Override
    public void setApplicationContext(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
    }

    @Override
    public void onApplicationEvent(ContextRefreshedEvent event) {
        if (event.getApplicationContext() == applicationContext && logged.compareAndSet(false, true)) {
            logger.info(line());
        }
    }

    /** The line, for example {@code WAMP router on WebSocket /ws (json, msgpack, cbor); realms [realm1]}. */
    String line() {
        List<String> realms = router.realms().stream().map(Realm::name).toList();
        String served = transports.isEmpty() ? "in-process only (no transport: not a web application)"
                : "on " + String.join(", ", transports.stream().map(WampTransportInfo::describe).toList());
        return "WAMP router " + served + "; realms " + realms;
    }
}
