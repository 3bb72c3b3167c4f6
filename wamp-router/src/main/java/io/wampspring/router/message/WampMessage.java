package io.wampspring.router.message;

/**
 * One WAMP message. Maps in these records (details, options) are read-only by convention: the router passes them on
 * without copying.
 */
public sealed interface WampMessage
        permits Hello, Welcome, Abort, Challenge, Authenticate, Goodbye, ErrorMessage, Publish, Published, Subscribe,
        Subscribed, Unsubscribe, Unsubscribed, Event, Call, Cancel, Result, Register, Registered, Unregister,
        Unregistered, Invocation, Interrupt, Yield {

    MessageType type();
}
