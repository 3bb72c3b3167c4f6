package io.wampspring.router.message;

/** The WAMP UNREGISTER message. */
public record Unregister(long request, long registration) implements WampMessage {

    @Override
    public MessageType type() {
        return MessageType.UNREGISTER;
    }
}
