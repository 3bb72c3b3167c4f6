package io.wampspring.autoconfigure;

import java.time.Duration;

import io.wampspring.router.WampRouter;
import io.wampspring.spring.core.WampLocalSessions;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;

/**
 * Ties the router to the application: on shutdown every session gets GOODBYE ({@code wamp.close.system_shutdown})
 * before the web server stops, so the frame is flushed while the connection still exists. The router stops as soon
 * as the context closes, ahead of the task executors' early shutdown and of every lifecycle phase (the web server's
 * graceful shutdown included), so annotated endpoints can still answer while sessions say goodbye. In order:
 * <ol>
 * <li>new sessions are refused (ABORT {@code wamp.close.system_shutdown}; the {@code wamp} health turns DOWN);</li>
 * <li>calls to annotated procedures that are running finish and their results reach the callers, for at most the
 * drain timeout ({@code spring.lifecycle.timeout-per-shutdown-phase}, 30 s by default);</li>
 * <li>every session gets GOODBYE and the router waits for the answers, at most {@code wamp.close-timeout}, then cuts
 * off the rest.</li>
 * </ol> Like Boot's web server lifecycle it is not pauseable: a paused context (such as an idle cached
 * test context) keeps serving, because a closed router cannot be started again.
 */
public final class WampRouterLifecycle
        implements SmartLifecycle, ApplicationListener<ContextClosedEvent>, ApplicationContextAware, Ordered {

    /** Stops before the web server's graceful shutdown (which runs at {@code DEFAULT_PHASE - 1024}). */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 512;

    private static final Logger logger = LoggerFactory.getLogger(WampRouterLifecycle.class);

    private final WampRouter router;
    private final WampLocalSessions localSessions;
    private final Duration drainTimeout;
    private volatile boolean running;
    private @Nullable ApplicationContext applicationContext;

    public WampRouterLifecycle(WampRouter router, WampLocalSessions localSessions) {
        this(router, localSessions, Duration.ofSeconds(30));
    }

    /** @param drainTimeout how long running calls to annotated procedures may take to finish on shutdown */
    public WampRouterLifecycle(WampRouter router, WampLocalSessions localSessions, Duration drainTimeout) {
        this.router = router;
        this.localSessions = localSessions;
        this.drainTimeout = drainTimeout;
    }

    @Override
    public void setApplicationContext(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        if (event.getApplicationContext() == applicationContext) {
            stop();
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (!router.isClosed()) {
            router.beginShutdown();
            if (!localSessions.awaitIdle(drainTimeout)) {
                logger.warn("Calls to WAMP procedures still running after {}: their callers get an error", drainTimeout);
            }
        }
        localSessions.close();
        router.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public boolean isPauseable() {
        return false;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
