package io.wampspring.autoconfigure;

import java.util.Map;

import io.wampspring.rawsocket.RawSocketServer;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;

/**
 * Starts the RawSocket server with the application and stops it after the router has said GOODBYE to its sessions
 * (the router stops when the context closes, ahead of every lifecycle phase). Once bound, the port is published as
 * {@code local.wamp.rawsocket.port}, as Boot publishes {@code local.server.port}.
 */
public final class WampRawSocketLifecycle implements SmartLifecycle, EnvironmentAware {

    /** The property that holds the bound port. */
    public static final String LOCAL_PORT_PROPERTY = "local.wamp.rawsocket.port";

    private static final String PROPERTY_SOURCE = "wamp.rawsocket.ports";

    private final RawSocketServer server;
    private ConfigurableEnvironment environment;

    public WampRawSocketLifecycle(RawSocketServer server) {
        this.server = server;
    }

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment instanceof ConfigurableEnvironment configurable ? configurable : null;
    }

    @Override
    public void start() {
        int port = server.start().getPort();
        if (environment != null) {
            MutablePropertySources sources = environment.getPropertySources();
            sources.remove(PROPERTY_SOURCE);
            sources.addFirst(new MapPropertySource(PROPERTY_SOURCE, Map.of(LOCAL_PORT_PROPERTY, port)));
        }
    }

    @Override
    public void stop() {
        server.stop();
    }

    @Override
    public boolean isRunning() {
        return server.isRunning();
    }

    @Override
    public boolean isPauseable() {
        return false;
    }

    /** Just below the router's: started before it is announced, stopped after its sessions were told. */
    @Override
    public int getPhase() {
        return WampRouterLifecycle.PHASE - 1;
    }
}
