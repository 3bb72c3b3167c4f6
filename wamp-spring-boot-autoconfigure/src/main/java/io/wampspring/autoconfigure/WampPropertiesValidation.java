package io.wampspring.autoconfigure;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.wampspring.router.match.MatchPolicy;
import org.jspecify.annotations.Nullable;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.Errors;

/**
 * The checks of {@link WampProperties#validate}, run when the properties are bound. Fields are named as the
 * properties are written (dashed, relative to {@code wamp.}), so Boot's report names them as the user wrote them.
 */
final class WampPropertiesValidation {

    /** Smallest servlet message buffer: Tomcat decodes UTF-8 into it, so it must take a few characters at least. */
    static final DataSize MIN_MESSAGE_BUFFER = DataSize.ofBytes(128);
    /** Smallest socket buffer: below it Tomcat would read and write in tiny pieces for no memory worth saving. */
    static final DataSize MIN_SOCKET_BUFFER = DataSize.ofBytes(512);

    private WampPropertiesValidation() {
    }

    /**
     * Every size, backlog and timeout that must be positive, the endpoint's path, the serializers and realms, and
     * the per-procedure timeouts. Event history entries are checked where their rules are built
     * ({@code wamp.pubsub.event-history}).
     */
    static void validate(WampProperties properties, Errors errors) {
        if (properties.getPath() == null || !properties.getPath().startsWith("/")) {
            errors.rejectValue("path", "wamp.path", "must start with '/'");
        }
        positive(errors, "max-message-size", properties.getMaxMessageSize());
        if (properties.getMaxMessageSize() != null && properties.getMaxMessageSize().toBytes() > WampProperties.MAX_MESSAGE_SIZE_LIMIT) {
            errors.rejectValue("max-message-size", "wamp.tooLarge",
                    "must be at most " + WampProperties.MAX_MESSAGE_SIZE_LIMIT + " bytes (2GB minus 8 bytes)");
        }
        if (properties.getSerializers() == null || properties.getSerializers().isEmpty()) {
            errors.rejectValue("serializers", "wamp.empty",
                    "wamp.serializers is empty: enable at least one serializer (json, msgpack, cbor)");
        }
        validateRealms(properties, errors);
        positive(errors, "close-timeout", properties.getCloseTimeout());
        positive(errors, "handshake-timeout", properties.getHandshakeTimeout());
        positive(errors, "send-buffer.max-size", properties.getSendBuffer().getMaxSize());
        atLeast(errors, "servlet.message-buffer-size", properties.getServlet().getMessageBufferSize(),
                MIN_MESSAGE_BUFFER, "a character of any size must fit");
        DataSize socketBuffer = properties.getServlet().getSocketBufferSize();
        if (socketBuffer != null) {
            atLeast(errors, "servlet.socket-buffer-size", socketBuffer, MIN_SOCKET_BUFFER,
                    "or leave it unset for Tomcat's default");
        }
        notNegative(errors, "rpc.call-timeout", properties.getRpc().getCallTimeout(), "0 for none");
        List<WampProperties.ProcedureTimeout> timeouts = properties.getRpc().getProcedureTimeouts();
        for (int i = 0; i < timeouts.size(); i++) {
            WampProperties.ProcedureTimeout timeout = timeouts.get(i);
            String field = "rpc.procedure-timeouts[" + i + "]";
            boolean pattern = timeout.getMatch() != MatchPolicy.EXACT;
            if (timeout.getProcedure() == null || !properties.getUriCheck().isValid(timeout.getProcedure(), pattern)) {
                errors.rejectValue(field + ".procedure", "wamp.uri", "is not a valid "
                        + timeout.getMatch().wireName() + " procedure URI");
            }
            notNegative(errors, field + ".timeout", timeout.getTimeout(), "0 for none");
        }
        if (properties.getLocal().getEventBacklog() < 1) {
            errors.rejectValue("local.event-backlog", "wamp.positive",
                    "must be at least 1: an annotated subscriber with no backlog would miss every event");
        }
        notBlank(errors, "local.authid", properties.getLocal().getAuthid());
        notBlank(errors, "local.authrole", properties.getLocal().getAuthrole());
        RealmAuthorizers.validateCache(properties.getAuthorization().getCache(), errors);
        validateLimits(properties.getLimits(), errors);
        validateRawSocket(properties.getRawsocket(), errors);
    }

    private static void validateRawSocket(WampRawSocketProperties rawsocket, Errors errors) {
        if (!rawsocket.isEnabled() && !rawsocket.isWebPort()) {
            return;
        }
        if (rawsocket.isEnabled() && (rawsocket.getPort() < 0 || rawsocket.getPort() > 65535)) {
            errors.rejectValue("rawsocket.port", "wamp.port", "must be 0 (any free port) to 65535");
        }
        notBlank(errors, "rawsocket.address", rawsocket.getAddress());
        if (rawsocket.getMaxMessageSize() != null) {
            positive(errors, "rawsocket.max-message-size", rawsocket.getMaxMessageSize());
        }
        positive(errors, "rawsocket.min-client-message-size", rawsocket.getMinClientMessageSize());
        if (rawsocket.getMaxConnections() < 1) {
            errors.rejectValue("rawsocket.max-connections", "wamp.positive", "must be at least 1");
        }
        if (rawsocket.getIoThreads() < 0) {
            errors.rejectValue("rawsocket.io-threads", "wamp.notNegative",
                    "must not be negative (0 for Netty's default)");
        }
    }

    private static void validateLimits(WampLimitsProperties limits, Errors errors) {
        notNegative(errors, "limits.sessions-per-realm", limits.getSessionsPerRealm());
        notNegative(errors, "limits.sessions-per-address", limits.getSessionsPerAddress());
        notNegative(errors, "limits.outstanding-calls-per-session", limits.getOutstandingCallsPerSession());
        notNegative(errors, "limits.messages-per-second", limits.getMessagesPerSecond());
        notNegative(errors, "limits.message-burst", limits.getMessageBurst());
    }

    private static void notNegative(Errors errors, String field, int value) {
        if (value < 0) {
            errors.rejectValue(field, "wamp.notNegative", "must not be negative (0 for no limit)");
        }
    }

    private static void validateRealms(WampProperties properties, Errors errors) {
        if (properties.getRealms() == null || properties.getRealms().isEmpty()) {
            errors.rejectValue("realms", "wamp.empty", "wamp.realms is empty: configure at least one realm");
            return;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < properties.getRealms().size(); i++) {
            WampRealmProperties realm = properties.getRealms().get(i);
            String field = "realms[" + i + "]";
            if (realm.getName() == null || !properties.getUriCheck().isValid(realm.getName(), false)) {
                errors.rejectValue(field + ".name", "wamp.uri", "is not a valid realm URI");
            }
            else if (!names.add(realm.getName())) {
                errors.rejectValue(field + ".name", "wamp.duplicate",
                        "realm '" + realm.getName() + "' is configured twice");
            }
            if (realm.getAuthMethods() == null || realm.getAuthMethods().isEmpty()) {
                errors.rejectValue(field + ".auth-methods", "wamp.empty",
                        "is empty: no client could join the realm (use anonymous)");
            }
            notBlank(errors, field + ".anonymous-role", realm.getAnonymousRole());
            RealmAuthorizers.validate(realm, field, properties.getUriCheck(), errors);
            RealmCredentialsValidation.validate(realm, field, errors);
            RealmScram.validate(realm, field, errors);
            validateAuthenticationSources(properties, realm, field, errors);
        }
    }

    /** The http method's role mapping and the dynamic authenticator: complete, with valid URIs and a known realm. */
    private static void validateAuthenticationSources(WampProperties properties, WampRealmProperties realm,
            String field, Errors errors) {
        WampHttpPrincipalProperties http = realm.getHttpPrincipal();
        if (http.getRoleMapping() == WampHttpPrincipalProperties.RoleMapping.FIXED
                && (http.getRole() == null || http.getRole().isBlank())) {
            errors.rejectValue(field + ".http-principal.role", "wamp.blank",
                    "must be set when http-principal.role-mapping is fixed");
        }
        WampDynamicAuthenticatorProperties dynamic = realm.getDynamicAuthenticator();
        if (dynamic.getProcedure() != null && !properties.getUriCheck().isValid(dynamic.getProcedure(), false)) {
            errors.rejectValue(field + ".dynamic-authenticator.procedure", "wamp.uri", "is not a valid procedure URI");
        }
        if (dynamic.getRealm() != null && properties.getRealms().stream()
                .noneMatch(other -> dynamic.getRealm().equals(other.getName()))) {
            errors.rejectValue(field + ".dynamic-authenticator.realm", "wamp.realm", "names no realm of wamp.realms");
        }
    }

    private static void atLeast(Errors errors, String field, @Nullable DataSize size, DataSize min, String why) {
        if (size == null || size.toBytes() < min.toBytes()) {
            errors.rejectValue(field, "wamp.tooSmall", "must be at least " + min + ": " + why);
        }
    }

    private static void positive(Errors errors, String field, @Nullable DataSize size) {
        if (size == null || size.toBytes() <= 0) {
            errors.rejectValue(field, "wamp.positive", "must be positive");
        }
    }

    private static void positive(Errors errors, String field, @Nullable Duration duration) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            errors.rejectValue(field, "wamp.positive", "must be positive");
        }
    }

    private static void notNegative(Errors errors, String field, @Nullable Duration duration, String zero) {
        if (duration == null || duration.isNegative()) {
            errors.rejectValue(field, "wamp.notNegative", "must not be negative (" + zero + ")");
        }
    }

    private static void notBlank(Errors errors, String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            errors.rejectValue(field, "wamp.blank", "must not be blank");
        }
    }
}
