package io.wampspring.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.util.unit.DataSize;

/**
 * WAMP-over-RawSocket on a TCP port of its own ({@code wamp.rawsocket}); needs {@code io.wampspring:wamp-rawsocket}
 * on the classpath. Sessions share the router, its realms, authentication, limits, send buffers and metrics with
 * WebSocket sessions; serializers are those of {@code wamp.serializers}.
 */
public class WampRawSocketProperties {

    /** Whether to accept RawSocket clients over TCP (needs io.wampspring:wamp-rawsocket on the classpath). */
    private boolean enabled;

    /**
     * Address to listen on. Loopback by default: a RawSocket has no origin check and no HTTP authentication, so
     * reaching it from other hosts is a choice to make (0.0.0.0 for every interface).
     */
    private String address = "127.0.0.1";

    /** TCP port to listen on; 0 picks a free port (the bound one is local.wamp.rawsocket.port). */
    private int port = 8090;

    /**
     * Largest message accepted from a client, announced in the handshake reply; a larger one ends the session with
     * wamp.error.payload_size_exceeded. RawSocket can only announce a power of two from 512B to 16MB: the value is
     * rounded down to one. Defaults to wamp.max-message-size, rounded down likewise.
     */
    private @Nullable DataSize maxMessageSize;

    /**
     * Smallest receive limit a client may announce; a client announcing less is refused with handshake error 2
     * (maximum message length unacceptable). A power of two from 512B to 16MB.
     */
    private DataSize minClientMessageSize = DataSize.ofBytes(512);

    /** Most RawSocket connections open at once; a client beyond it is refused with handshake error 4. */
    private int maxConnections = 8192;

    /** Netty event loop threads for the connections; 0 for Netty's default (twice the available processors). */
    private int ioThreads;

    /**
     * Whether the reactive web server's port also accepts RawSocket clients, beside HTTP and WebSocket: a client
     * whose first octet is the RawSocket magic 0x7F is served as RawSocket (over the web server's TLS when
     * server.ssl is set). Reactor Netty only; independent of wamp.rawsocket.enabled, which opens a port of its own.
     * The limits above apply to both.
     */
    private boolean webPort;

    @NestedConfigurationProperty
    private final WampRawSocketSslProperties ssl = new WampRawSocketSslProperties();

    public WampRawSocketSslProperties getSsl() {
        return ssl;
    }

    public boolean isWebPort() {
        return webPort;
    }

    public void setWebPort(boolean webPort) {
        this.webPort = webPort;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public int getPort() {
        return port;
    }

    public void setPort(int port) {
        this.port = port;
    }

    public @Nullable DataSize getMaxMessageSize() {
        return maxMessageSize;
    }

    public void setMaxMessageSize(@Nullable DataSize maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
    }

    public DataSize getMinClientMessageSize() {
        return minClientMessageSize;
    }

    public void setMinClientMessageSize(DataSize minClientMessageSize) {
        this.minClientMessageSize = minClientMessageSize;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    public int getIoThreads() {
        return ioThreads;
    }

    public void setIoThreads(int ioThreads) {
        this.ioThreads = ioThreads;
    }
}
