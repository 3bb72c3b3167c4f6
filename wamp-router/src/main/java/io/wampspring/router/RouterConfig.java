package io.wampspring.router;

import java.time.Duration;

import io.wampspring.router.transport.SlowConsumerPolicy;

/**
 * Router-wide settings.
 *
 * @param uriCheck how URIs are validated
 * @param sendBufferBytes the bound of each connection's send buffer
 * @param slowConsumerPolicy what happens when a send buffer is full
 * @param closeTimeout how long a closing session may take to flush and answer GOODBYE before it is cut off
 * @param handshakeTimeout how long a connection may take from opening to WELCOME (HELLO and authentication)
 * @param limits what one remote client may take: sessions, outstanding calls, message rate
 */
public record RouterConfig(UriCheck uriCheck, long sendBufferBytes, SlowConsumerPolicy slowConsumerPolicy,
        Duration closeTimeout, Duration handshakeTimeout, LimitsConfig limits) {

    public static final long DEFAULT_SEND_BUFFER_BYTES = 16L * 1024 * 1024;
    public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);

    public RouterConfig(UriCheck uriCheck, long sendBufferBytes, SlowConsumerPolicy slowConsumerPolicy,
            Duration closeTimeout, Duration handshakeTimeout) {
        this(uriCheck, sendBufferBytes, slowConsumerPolicy, closeTimeout, handshakeTimeout, LimitsConfig.NONE);
    }

    public RouterConfig(UriCheck uriCheck, long sendBufferBytes, SlowConsumerPolicy slowConsumerPolicy,
            Duration closeTimeout) {
        this(uriCheck, sendBufferBytes, slowConsumerPolicy, closeTimeout, DEFAULT_HANDSHAKE_TIMEOUT);
    }

    public static RouterConfig defaults() {
        return new RouterConfig(UriCheck.LOOSE, DEFAULT_SEND_BUFFER_BYTES, SlowConsumerPolicy.DISCONNECT,
                Duration.ofSeconds(5));
    }

    public RouterConfig withHandshakeTimeout(Duration timeout) {
        return new RouterConfig(uriCheck, sendBufferBytes, slowConsumerPolicy, closeTimeout, timeout, limits);
    }

    public RouterConfig withLimits(LimitsConfig settings) {
        return new RouterConfig(uriCheck, sendBufferBytes, slowConsumerPolicy, closeTimeout, handshakeTimeout,
                settings);
    }
}
