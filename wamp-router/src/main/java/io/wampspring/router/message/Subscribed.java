package io.wampspring.router.message;

/** The WAMP SUBSCRIBED message. */
public record Subscribed(long request, long subscription) implements WampMessage {

    @Override
    public MessageType type() {
        return MessageType.SUBSCRIBED;
    }
}
