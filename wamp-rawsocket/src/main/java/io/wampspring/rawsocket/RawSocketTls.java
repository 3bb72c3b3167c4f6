package io.wampspring.rawsocket;

import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

/**
 * TLS for RawSocket ({@code rss://}): the server's context, and the protocols and cipher suites to enable (empty:
 * the JDK's defaults).
 */
public record RawSocketTls(SSLContext context, List<String> protocols, List<String> ciphers) {

    public RawSocketTls {
        protocols = List.copyOf(protocols);
        ciphers = List.copyOf(ciphers);
    }

    public RawSocketTls(SSLContext context) {
        this(context, List.of(), List.of());
    }

    SSLEngine newServerEngine() {
        SSLEngine engine = context.createSSLEngine();
        engine.setUseClientMode(false);
        if (!protocols.isEmpty()) {
            engine.setEnabledProtocols(protocols.toArray(String[]::new));
        }
        if (!ciphers.isEmpty()) {
            engine.setEnabledCipherSuites(ciphers.toArray(String[]::new));
        }
        return engine;
    }
}
