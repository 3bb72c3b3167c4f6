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
 */
public record RouterConfig(UriCheck uriCheck, long sendBufferBytes, SlowConsumerPolicy slowConsumerPolicy,
        Duration closeTimeout) {

    public static final long DEFAULT_SEND_BUFFER_BYTES = 16L * 1024 * 1024;

    public static RouterConfig defaults() {
        return new RouterConfig(UriCheck.LOOSE, DEFAULT_SEND_BUFFER_BYTES, SlowConsumerPolicy.DISCONNECT,
                Duration.ofSeconds(5));
    }
}
