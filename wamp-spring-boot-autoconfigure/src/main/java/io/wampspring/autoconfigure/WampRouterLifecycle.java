package io.wampspring.autoconfigure;

import io.wampspring.router.WampRouter;
import io.wampspring.spring.core.WampLocalSessions;
import org.springframework.context.SmartLifecycle;

/**
 * Ties the router to the application: on shutdown every session gets GOODBYE ({@code wamp.close.system_shutdown})
 * before the web server stops, so the frame is flushed while the connection still exists. Like Boot's web server
 * lifecycle it is not pauseable: a paused context (such as an idle cached test context) keeps serving, because a
 * closed router cannot be started again.
 */
public final class WampRouterLifecycle implements SmartLifecycle {

    /** Stops before the web server's graceful shutdown (which runs at {@code DEFAULT_PHASE - 1024}). */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 512;

    private final WampRouter router;
    private final WampLocalSessions localSessions;
    private volatile boolean running;

    public WampRouterLifecycle(WampRouter router, WampLocalSessions localSessions) {
        this.router = router;
        this.localSessions = localSessions;
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
