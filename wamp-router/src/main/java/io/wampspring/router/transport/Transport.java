package io.wampspring.router.transport;

/**
 * What a transport adapter (WebSocket on Tomcat, Jetty or Netty; RawSocket) offers the router for one connection.
 * The router calls {@link #write} for one frame at a time and waits for its callback before the next, so an adapter
 * never has to queue; the router's {@link OutboundQueue} does that, bounded.
 */
public interface Transport {

    /**
     * Starts writing one frame. {@code callback} runs exactly once, on any thread, possibly before this method
     * returns, when the frame has been handed to the network or has failed.
     */
    void write(byte[] frame, WriteCallback callback);

    /** Closes the connection now. Frames handed to {@link #write} before have completed or failed. */
    void close(CloseReason reason);

    /** Facts about the connection: kind, remote address, negotiated serializer. */
    TransportInfo info();
}
