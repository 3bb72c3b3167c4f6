package io.wampspring.router;

/** Error and close reason URIs defined by the WAMP spec. */
public final class WampUris {

    public static final String INVALID_URI = "wamp.error.invalid_uri";
    public static final String NO_SUCH_PROCEDURE = "wamp.error.no_such_procedure";
    public static final String PROCEDURE_ALREADY_EXISTS = "wamp.error.procedure_already_exists";
    public static final String PROCEDURE_EXISTS_WITH_DIFFERENT_INVOCATION_POLICY =
            "wamp.error.procedure_exists_with_different_invocation_policy";
    /** A payload that cannot be serialized for its receiver (a callee's result of an unsupported type). */
    public static final String INVALID_PAYLOAD = "wamp.error.invalid_payload";
    public static final String NO_SUCH_REGISTRATION = "wamp.error.no_such_registration";
    public static final String NO_SUCH_SUBSCRIPTION = "wamp.error.no_such_subscription";
    public static final String INVALID_ARGUMENT = "wamp.error.invalid_argument";
    public static final String CANCELED = "wamp.error.canceled";
    public static final String TIMEOUT = "wamp.error.timeout";
    public static final String PAYLOAD_SIZE_EXCEEDED = "wamp.error.payload_size_exceeded";
    public static final String PROTOCOL_VIOLATION = "wamp.error.protocol_violation";
    public static final String NOT_AUTHORIZED = "wamp.error.not_authorized";
    public static final String AUTHORIZATION_FAILED = "wamp.error.authorization_failed";
    public static final String AUTHENTICATION_FAILED = "wamp.error.authentication_failed";
    public static final String NO_MATCHING_AUTH_METHOD = "wamp.error.no_matching_auth_method";
    public static final String NO_SUCH_REALM = "wamp.error.no_such_realm";
    public static final String NO_SUCH_ROLE = "wamp.error.no_such_role";
    public static final String NO_SUCH_SESSION = "wamp.error.no_such_session";
    public static final String OPTION_NOT_ALLOWED = "wamp.error.option_not_allowed";
    /** The router refuses to disclose the sender's identity (publisher identification). */
    public static final String OPTION_DISALLOWED_DISCLOSE_ME = "wamp.error.option_disallowed.disclose_me";
    public static final String NO_AVAILABLE_CALLEE = "wamp.error.no_available_callee";
    public static final String FEATURE_NOT_SUPPORTED = "wamp.error.feature_not_supported";
    public static final String RUNTIME_ERROR = "wamp.error.runtime_error";
    /**
     * A limit of the router's was reached (sessions per realm or address, outstanding calls, message rate). Not in the
     * spec, which names no such error (nor does Crossbar, whose nearest, {@code crossbar.error.max_concurrency_reached},
     * is about a callee's concurrency). An ABORT names the limit in {@code Details.limit}; the message (ABORT
     * {@code Details.message}, ERROR {@code Arguments[0]}) names the setting to raise.
     */
    public static final String LIMIT_EXCEEDED = "wamp.error.limit_exceeded";

    public static final String CLOSE_GOODBYE_AND_OUT = "wamp.close.goodbye_and_out";
    public static final String CLOSE_REALM = "wamp.close.close_realm";
    public static final String CLOSE_SYSTEM_SHUTDOWN = "wamp.close.system_shutdown";
    public static final String CLOSE_KILLED = "wamp.close.killed";
    public static final String CLOSE_NORMAL = "wamp.close.normal";

    /** URIs under this prefix belong to the router. */
    public static final String RESERVED_PREFIX = "wamp.";

    private WampUris() {
    }
}
