package io.wampspring.router.message;

import java.util.Map;

/** The WAMP ABORT message; the spec lets it carry args and kwargs after the reason, like ERROR. */
public record Abort(Map<String, Object> details, String reason, Payload payload) implements WampMessage {

    /** An ABORT without payload, which is what the router itself sends. */
    public Abort(Map<String, Object> details, String reason) {
        this(details, reason, Payload.EMPTY);
    }

    @Override
    public MessageType type() {
        return MessageType.ABORT;
    }
}
