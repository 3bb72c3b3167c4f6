package io.wampspring.router.transport;

/** What the router does when a peer's send buffer is full. */
public enum SlowConsumerPolicy {
    /** Close the connection; the session is lost, as when the network drops. */
    DISCONNECT,
    /**
     * Drop events for that peer while its buffer is full (counted and logged once); any other message that does
     * not fit still disconnects, because losing a RESULT or INVOCATION would leave a call waiting for ever.
     */
    DROP_EVENTS
}
