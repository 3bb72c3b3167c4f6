package io.wampspring.autoconfigure;

/**
 * Describes one transport the router is served on, for the line {@link WampStartupLog} writes at start-up. Each
 * transport's auto-configuration contributes a bean (the servlet WebSocket endpoint does).
 */
@FunctionalInterface
public interface WampTransportInfo {

    /** For example {@code WebSocket /ws (json, msgpack, cbor)}. */
    String describe();
}
