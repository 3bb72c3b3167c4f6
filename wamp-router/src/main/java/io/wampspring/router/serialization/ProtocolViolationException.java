package io.wampspring.router.serialization;

/** A peer sent something the WAMP protocol does not allow; the session is aborted with {@code protocol_violation}. */
public class ProtocolViolationException extends RuntimeException {

    public ProtocolViolationException(String message) {
        super(message);
    }

    public ProtocolViolationException(String message, Throwable cause) {
        super(message, cause);
    }
}
