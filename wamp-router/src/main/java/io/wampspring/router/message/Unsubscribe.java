package io.wampspring.router.message;

/** The WAMP UNSUBSCRIBE message. */
public record Unsubscribe(long request, long subscription) implements WampMessage {

    @Override
    public MessageType type() {
        return MessageType.UNSUBSCRIBE;
    }
}
