package io.wampspring.router.message;

/** The WAMP REGISTERED message. */
public record Registered(long request, long registration) implements WampMessage {

    @Override
    public MessageType type() {
        return MessageType.REGISTERED;
    }
}
