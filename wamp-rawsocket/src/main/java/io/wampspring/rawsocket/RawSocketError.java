package io.wampspring.rawsocket;

/** The spec's handshake error codes, sent in the upper four bits of the reply's second octet. */
public enum RawSocketError {
    SERIALIZER_UNSUPPORTED(1),
    MAX_LENGTH_UNACCEPTABLE(2),
    RESERVED_BITS_USED(3),
    MAX_CONNECTIONS_REACHED(4);

    private final int code;

    RawSocketError(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
