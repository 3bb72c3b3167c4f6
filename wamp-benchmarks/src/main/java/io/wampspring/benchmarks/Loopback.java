package io.wampspring.benchmarks;

import java.net.URI;

/** Load goes to this machine only. */
public final class Loopback {

    private Loopback() {
    }

    /** Throws unless {@code server} is {@code ws://} to 127.0.0.1, localhost or [::1]. */
    public static void require(URI server) {
        String host = server.getHost();
        if (!"ws".equals(server.getScheme()) || host == null
                || !(host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]"))) {
            throw new IllegalArgumentException("load goes to loopback only (ws://127.0.0.1:<port>), not " + server);
        }
    }
}
