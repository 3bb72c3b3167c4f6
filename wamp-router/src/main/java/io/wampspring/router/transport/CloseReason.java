package io.wampspring.router.transport;

/** Why the router closes a connection; adapters map it to their close codes (WebSocket: 1000, 1002, 1008, 1009...). */
public enum CloseReason {
    /** The WAMP session ended normally (GOODBYE, ABORT, shutdown). */
    NORMAL,
    /** The peer broke the protocol. */
    PROTOCOL_ERROR,
    /** The peer sent a message larger than allowed. */
    MESSAGE_TOO_BIG,
    /** The peer did not read fast enough and its send buffer overflowed. */
    SLOW_CONSUMER,
    /** The router is going away. */
    SHUTDOWN
}
