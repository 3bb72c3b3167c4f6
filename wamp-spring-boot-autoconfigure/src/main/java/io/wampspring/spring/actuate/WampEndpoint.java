package io.wampspring.spring.actuate;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.wampspring.router.Callee;
import io.wampspring.router.Realm;
import io.wampspring.router.Registration;
import io.wampspring.router.RouterSession;
import io.wampspring.router.RouterStats;
import io.wampspring.router.Subscription;
import io.wampspring.router.WampConnection;
import io.wampspring.router.WampRouter;
import io.wampspring.router.WampUris;
import io.wampspring.router.auth.AuthIdentity;
import io.wampspring.router.transport.TransportInfo;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * The {@code wamp} actuator endpoint: the router's realms with their sessions, registrations and subscriptions, and
 * the router's totals. {@code /actuator/wamp/{realm}} shows one realm, {@code /actuator/wamp/{realm}/{sessionId}} one
 * session; a DELETE of the latter ends the session with GOODBYE {@code wamp.close.killed}. Read-only by default: the
 * delete operation is available only when {@code management.endpoint.wamp.access} is {@code unrestricted}.
 */
@Endpoint(id = "wamp", defaultAccess = Access.READ_ONLY)
public class WampEndpoint {

    private final WampRouter router;

    public WampEndpoint(WampRouter router) {
        this.router = router;
    }

    @ReadOperation
    public RouterDescriptor router() {
        Map<String, RealmDescriptor> realms = new LinkedHashMap<>();
        int sessions = 0;
        int registrations = 0;
        int subscriptions = 0;
        for (Realm realm : router.realms()) {
            RealmDescriptor descriptor = describe(realm);
            realms.put(realm.name(), descriptor);
            sessions += descriptor.sessions().size();
            registrations += descriptor.registrations().size();
            subscriptions += descriptor.subscriptions().size();
        }
        RouterStats stats = router.stats();
        return new RouterDescriptor(!router.isClosed(), new Totals(realms.size(), sessions, registrations,
                subscriptions, stats.sessionsOpened(), stats.protocolViolations(), stats.droppedEvents(),
                stats.slowConsumerDisconnects()), realms);
    }

    @ReadOperation
    public @Nullable RealmDescriptor realm(@Selector String realm) {
        Realm found = router.realm(realm);
        return found != null ? describe(found) : null;
    }

    @ReadOperation
    public @Nullable SessionDescriptor session(@Selector String realm, @Selector long sessionId) {
        RouterSession session = find(realm, sessionId);
        return session != null ? describe(session) : null;
    }

    /**
     * Ends the session with GOODBYE {@code wamp.close.killed}; the connection closes when the peer answers or the
     * close timeout passes. Answers the session as it was, or nothing (HTTP 204) when there is no such session.
     */
    @DeleteOperation
    public @Nullable SessionDescriptor kill(@Selector String realm, @Selector long sessionId) {
        RouterSession session = find(realm, sessionId);
        if (session == null) {
            return null;
        }
        SessionDescriptor killed = describe(session);
        Realm target = router.realm(realm);
        if (target == null || !target.kill(sessionId, WampUris.CLOSE_KILLED, "killed through the actuator")) {
            return null;
        }
        return killed;
    }

    private @Nullable RouterSession find(String realm, long sessionId) {
        Realm found = router.realm(realm);
        return found != null ? found.session(sessionId) : null;
    }

    private static RealmDescriptor describe(Realm realm) {
        List<SessionDescriptor> sessions = realm.sessions().stream()
                .map(WampEndpoint::describe)
                .sorted(Comparator.comparing(SessionDescriptor::joinedAt, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        List<RegistrationDescriptor> registrations = realm.dealer().registrations().stream()
                .sorted(Comparator.comparing(Registration::uri))
                .map(WampEndpoint::describe)
                .toList();
        List<SubscriptionDescriptor> subscriptions = realm.broker().subscriptions().stream()
                .sorted(Comparator.comparing(Subscription::uri))
                .map(WampEndpoint::describe)
                .toList();
        return new RealmDescriptor(realm.name(), sessions, registrations, subscriptions);
    }

    private static SessionDescriptor describe(RouterSession session) {
        AuthIdentity identity = session.identityOrNull();
        TransportInfo info = session.connection().info();
        InetSocketAddress remote = info.remoteAddress();
        Long messagesIn = null;
        Long messagesOut = null;
        Long queuedBytes = null;
        if (session.connection() instanceof WampConnection connection) {
            messagesIn = connection.messagesIn();
            messagesOut = connection.messagesOut();
            queuedBytes = connection.queuedBytes();
        }
        return new SessionDescriptor(session.sessionId(),
                identity != null ? identity.authid() : null,
                identity != null ? identity.authrole() : null,
                identity != null ? identity.authmethod() : null,
                info.type(), info.serializer(),
                remote != null ? remote.getHostString() + ":" + remote.getPort() : null,
                session.joinedAt() > 0 ? Instant.ofEpochMilli(session.joinedAt()) : null,
                messagesIn, messagesOut, queuedBytes);
    }

    private static RegistrationDescriptor describe(Registration registration) {
        return new RegistrationDescriptor(registration.id(), registration.uri(), registration.match().wireName(),
                registration.invoke().wireName(), registration.callees().stream().map(Callee::sessionId).toList(),
                registration.created());
    }

    private static SubscriptionDescriptor describe(Subscription subscription) {
        return new SubscriptionDescriptor(subscription.id(), subscription.uri(), subscription.match().wireName(),
                subscription.subscriberCount(), subscription.created());
    }

    /**
     * The whole router.
     *
     * @param accepting false once shutdown has begun and new sessions are refused
     */
    public record RouterDescriptor(boolean accepting, Totals totals, Map<String, RealmDescriptor> realms)
            implements OperationResponseBody {
    }

    /** Counts over every realm; the counters ({@code sessionsOpened} and after) since the router started. */
    public record Totals(int realms, int sessions, int registrations, int subscriptions, long sessionsOpened,
            long protocolViolations, long droppedEvents, long slowConsumerDisconnects) {
    }

    /** One realm; the registrations and subscriptions include the router's own (meta API) ones. */
    public record RealmDescriptor(String name, List<SessionDescriptor> sessions,
            List<RegistrationDescriptor> registrations, List<SubscriptionDescriptor> subscriptions)
            implements OperationResponseBody {
    }

    /**
     * One client session. The message counters and the queued bytes are those of a remote connection; they are
     * null for an in-process session (annotated endpoints, {@code WampTemplate}).
     */
    public record SessionDescriptor(long id, @Nullable String authid, @Nullable String authrole,
            @Nullable String authmethod, String transport, String serializer, @Nullable String remoteAddress,
            @Nullable Instant joinedAt, @Nullable Long messagesIn, @Nullable Long messagesOut,
            @Nullable Long queuedBytes) implements OperationResponseBody {
    }

    /** A procedure registration and its callees' session ids, in registration order. */
    public record RegistrationDescriptor(long id, String uri, String match, String invoke, List<Long> callees,
            Instant created) {
    }

    /** A topic subscription and how many sessions it has. */
    public record SubscriptionDescriptor(long id, String uri, String match, int subscribers, Instant created) {
    }
}
