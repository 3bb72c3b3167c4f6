package io.wampspring.router.message;

import java.util.Map;

/** The WAMP ABORT message. */
public record Abort(Map<String, Object> details, String reason) implements WampMessage {

    @Override
    public MessageType type() {
        return MessageType.ABORT;
    }
}
