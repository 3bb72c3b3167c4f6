package io.wampspring.autoconfigure;

import io.wampspring.router.WampRouter;
import io.wampspring.spring.core.WampLocalSessions;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;

/**
 * Ties the router to the application: on shutdown every session gets GOODBYE ({@code wamp.close.system_shutdown})
 * before the web server stops, so the frame is flushed while the connection still exists. The router stops as soon
 * as the context closes, ahead of the task executors' early shutdown, so annotated endpoints can still answer while
 * sessions say goodbye. Like Boot's web server lifecycle it is not pauseable: a paused context (such as an idle cached
 * test context) keeps serving, because a closed router cannot be started again.
 */
public final class WampRouterLifecycle
        implements SmartLifecycle, ApplicationListener<ContextClosedEvent>, ApplicationContextAware, Ordered {

    /** Stops before the web server's graceful shutdown (which runs at {@code DEFAULT_PHASE - 1024}). */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 512;

    private final WampRouter router;
    private final WampLocalSessions localSessions;
    private volatile boolean running;
    private @Nullable ApplicationContext applicationContext;

    public WampRouterLifecycle(WampRouter router, WampLocalSessions localSessions) {
        this.router = router;
        this.localSessions = localSessions;
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
    public void stop() {
        running = false;
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
