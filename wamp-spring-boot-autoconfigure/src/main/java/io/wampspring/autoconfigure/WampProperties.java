package io.wampspring.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.wampspring.router.UriCheck;
import io.wampspring.router.match.MatchPolicy;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Configuration of the embedded WAMP router. The groups (wamp.rpc, wamp.pubsub, wamp.send-buffer, wamp.local,
 * wamp.limits) have classes of their own.
 * <p>
 * The properties validate themselves when they are bound (Spring Boot calls {@link #validate} because the class is a
 * {@link Validator}; no Bean Validation provider is needed): a value the router could only misuse, such as a
 * non-positive size, backlog or timeout, fails the application's start with Spring Boot's report naming the property,
 * its value and where it came from.
 */
@ConfigurationProperties("wamp")
public class WampProperties implements Validator {

    /** The largest message the WebSocket adapter can assemble: a Java array's bound. */
    static final long MAX_MESSAGE_SIZE_LIMIT = Integer.MAX_VALUE - 8;

    /** Whether to run the WAMP router. */
    private boolean enabled = true;

    /** Path of the WebSocket endpoint. */
    private String path = "/ws";

    /**
     * Origins (patterns such as "https://*.example.com") allowed to open the WebSocket from a browser. Empty means
     * same-origin only; clients that send no Origin header (non-browser clients) are always allowed.
     */
    private List<String> allowedOrigins = new ArrayList<>();

    /** Largest incoming message accepted; larger messages end the session with wamp.error.payload_size_exceeded. */
    private DataSize maxMessageSize = DataSize.ofMegabytes(16);

    /** Serializers offered as WebSocket subprotocols (wamp.2.json, wamp.2.msgpack, wamp.2.cbor). */
    private List<Serializer> serializers = new ArrayList<>(List.of(Serializer.JSON, Serializer.MSGPACK,
            Serializer.CBOR));

    /** How URIs are validated: loose (the spec's default) or strict (lower-case letters, digits, underscore). */
    private UriCheck uriCheck = UriCheck.LOOSE;

    /**
     * Realms served by the router; by default one, realm1, open to anonymous clients. Each realm has: name (its URI;
     * default realm1), auth-methods (accepted authentication methods in order of preference; default [anonymous]),
     * anonymous-role (authrole of anonymous sessions; default anonymous), principals (who may authenticate, by
     * authid: each with its role and the credentials of its methods: ticket, wampcra, cryptosign, scram), ticket
     * (how tickets are checked: authentication-manager, default-role), http-principal (for the http method:
     * role-mapping, first-role, fixed or mapper, and role), dynamic-authenticator (a procedure that checks tickets:
     * procedure and realm), roles (authorization rules by authrole, each a list of permissions; none: every role may
     * do everything but use the meta API), caller-disclosure (whether callees learn who calls: on-request, always or
     * never; default on-request) and publisher-disclosure (whether subscribers learn who published: on-request,
     * always or never; default on-request).
     */
    private List<WampRealmProperties> realms = new ArrayList<>(List.of(new WampRealmProperties()));

    /** Realm of WampTemplate and of annotated endpoints that name none; defaults to the first configured realm. */
    private @Nullable String defaultRealm;

    /** How long a closing session may take to flush and answer GOODBYE before it is cut off. */
    private Duration closeTimeout = Duration.ofSeconds(5);

    /** How long a connection may take from opening to WELCOME (HELLO and authentication) before it is aborted. */
    private Duration handshakeTimeout = Duration.ofSeconds(10);

    @NestedConfigurationProperty
    private final WampSendBufferProperties sendBuffer = new WampSendBufferProperties();

    @NestedConfigurationProperty
    private final WampRpcProperties rpc = new WampRpcProperties();

    @NestedConfigurationProperty
    private final WampPubSubProperties pubsub = new WampPubSubProperties();

    @NestedConfigurationProperty
    private final WampLocalSessionProperties local = new WampLocalSessionProperties();

    @NestedConfigurationProperty
    private final WampAuthorizationProperties authorization = new WampAuthorizationProperties();

    @NestedConfigurationProperty
    private final WampLimitsProperties limits = new WampLimitsProperties();

    @NestedConfigurationProperty
    private final WampRawSocketProperties rawsocket = new WampRawSocketProperties();

    /** The servlet (Tomcat) WebSocket transport's buffers. */
    @NestedConfigurationProperty
    private final WampServletProperties servlet = new WampServletProperties();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public List<String> getAllowedOrigins() {
        return allowedOrigins;
    }

    public void setAllowedOrigins(List<String> allowedOrigins) {
        this.allowedOrigins = allowedOrigins;
    }

    public DataSize getMaxMessageSize() {
        return maxMessageSize;
    }

    public void setMaxMessageSize(DataSize maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
    }

    public List<Serializer> getSerializers() {
        return serializers;
    }

    public void setSerializers(List<Serializer> serializers) {
        this.serializers = serializers;
    }

    public UriCheck getUriCheck() {
        return uriCheck;
    }

    public void setUriCheck(UriCheck uriCheck) {
        this.uriCheck = uriCheck;
    }

    public List<WampRealmProperties> getRealms() {
        return realms;
    }

    public void setRealms(List<WampRealmProperties> realms) {
        this.realms = realms;
    }

    public @Nullable String getDefaultRealm() {
        return defaultRealm;
    }

    public void setDefaultRealm(@Nullable String defaultRealm) {
        this.defaultRealm = defaultRealm;
    }

    public Duration getCloseTimeout() {
        return closeTimeout;
    }

    public void setCloseTimeout(Duration closeTimeout) {
        this.closeTimeout = closeTimeout;
    }

    public Duration getHandshakeTimeout() {
        return handshakeTimeout;
    }

    public void setHandshakeTimeout(Duration handshakeTimeout) {
        this.handshakeTimeout = handshakeTimeout;
    }

    public WampRpcProperties getRpc() {
        return rpc;
    }

    public WampPubSubProperties getPubsub() {
        return pubsub;
    }

    public WampSendBufferProperties getSendBuffer() {
        return sendBuffer;
    }

    public WampLocalSessionProperties getLocal() {
        return local;
    }

    public WampAuthorizationProperties getAuthorization() {
        return authorization;
    }

    public WampServletProperties getServlet() {
        return servlet;
    }

    public WampRawSocketProperties getRawsocket() {
        return rawsocket;
    }

    public WampLimitsProperties getLimits() {
        return limits;
    }

    /** The realm that WampTemplate and annotated endpoints use when they name none. */
    public String resolveDefaultRealm() {
        if (defaultRealm != null) {
            return defaultRealm;
        }
        if (realms.isEmpty()) {
            throw new IllegalStateException("wamp.realms is empty: configure at least one realm");
        }
        return realms.get(0).getName();
    }

    @Override
    public boolean supports(Class<?> type) {
        return WampProperties.class.isAssignableFrom(type);
    }

    /**
     * Rejects values that would start a router which then misbehaves: see {@link WampPropertiesValidation}.
     */
    @Override
    public void validate(Object target, Errors errors) {
        WampPropertiesValidation.validate((WampProperties) target, errors);
    }

    /** A serializer the router can speak. */
    public enum Serializer {
        JSON, MSGPACK, CBOR
    }

    /**
     * A default timeout for the calls of one procedure or pattern. Nested here rather than in
     * {@link WampRpcProperties}: its name is the element type of {@code wamp.rpc.procedure-timeouts} in the
     * configuration metadata.
     */
    public static class ProcedureTimeout {

        /** Procedure URI, or pattern for prefix and wildcard matching. */
        private String procedure = "";

        /** How the procedure is matched: exact, prefix or wildcard. */
        private MatchPolicy match = MatchPolicy.EXACT;

        /** Timeout of the calls it matches; 0 for none. */
        private Duration timeout = Duration.ZERO;

        public String getProcedure() {
            return procedure;
        }

        public void setProcedure(String procedure) {
            this.procedure = procedure;
        }

        public MatchPolicy getMatch() {
            return match;
        }

        public void setMatch(MatchPolicy match) {
            this.match = match;
        }

        public Duration getTimeout() {
            return timeout;
        }

        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }
    }

    /**
     * The event history of one topic or pattern of topics. Nested here rather than in {@link WampPubSubProperties}:
     * its name is the element type of {@code wamp.pubsub.event-history} in the configuration metadata.
     */
    public static class EventHistory {

        /** Topic URI, or pattern for prefix and wildcard matching. */
        private String topic = "";

        /** How the topic is matched: exact, prefix or wildcard. */
        private MatchPolicy match = MatchPolicy.EXACT;

        /** Most events kept per topic, the oldest dropped first; 0 for no bound by count. */
        private int limit;

        /** How long an event is kept; 0 for no bound by age. */
        private Duration maxAge = Duration.ZERO;

        public String getTopic() {
            return topic;
        }

        public void setTopic(String topic) {
            this.topic = topic;
        }

        public MatchPolicy getMatch() {
            return match;
        }

        public void setMatch(MatchPolicy match) {
            this.match = match;
        }

        public int getLimit() {
            return limit;
        }

        public void setLimit(int limit) {
            this.limit = limit;
        }

        public Duration getMaxAge() {
            return maxAge;
        }

        public void setMaxAge(Duration maxAge) {
            this.maxAge = maxAge;
        }
    }
}
