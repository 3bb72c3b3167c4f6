package io.wampspring.router.message;

/** The WAMP PUBLISHED message. */
public record Published(long request, long publication) implements WampMessage {

    @Override
    public MessageType type() {
        return MessageType.PUBLISHED;
    }
}
