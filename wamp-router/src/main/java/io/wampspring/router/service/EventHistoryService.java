package io.wampspring.router.service;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import io.wampspring.router.PubSubConfig;
import io.wampspring.router.Realm;
import io.wampspring.router.RouterSession;
import io.wampspring.router.Subscription;
import io.wampspring.router.WampUris;
import io.wampspring.router.auth.Action;
import io.wampspring.router.auth.AuthIdentity;
import io.wampspring.router.client.LocalInvocation;
import io.wampspring.router.client.LocalSession;
import io.wampspring.router.client.WampException;
import io.wampspring.router.history.EventHistory;
import io.wampspring.router.history.HistoryQuery;
import io.wampspring.router.history.StoredEvent;
import io.wampspring.router.match.MatchPolicy;
import io.wampspring.router.message.Payload;
import io.wampspring.router.serialization.MessageCodec;
import org.jspecify.annotations.Nullable;

/**
 * Event history of one realm: keeps the publications its rules select ({@link EventHistory}, told of each by the
 * broker) and serves {@code wamp.subscription.get_events} through the router's service session, announced as the
 * broker feature {@code event_history}.
 *
 * <p>{@code get_events} takes {@code [subscription]} and the spec's keyword filters, all of which must hold:
 * {@code topic}; {@code from_time}, {@code after_time}, {@code before_time}, {@code until_time} (RFC 3339);
 * {@code from_publication}, {@code after_publication}, {@code before_publication}, {@code until_publication} (a
 * publication that must still be in the subscription's history, else {@code wamp.error.invalid_argument}: a gap
 * is reported rather than papered over); {@code reverse} (newest first); {@code limit}, applied last, so the first
 * {@code limit} events in the chosen order are returned: the oldest ones, or with {@code reverse} the newest ones.
 * The result's args are the events ({@code timestamp}, {@code subscription}, {@code publication}, {@code details}
 * as the subscription receives them, {@code args}, {@code kwargs}); its kwargs say {@code count} and whether
 * {@code more} events met the filters beyond the limit.
 *
 * <p>The caller must be allowed to subscribe to the subscription's URI, and sees only the events whose
 * {@code eligible_authid}/{@code eligible_authrole}/{@code exclude_authid}/{@code exclude_authrole} admit its authid
 * and authrole. The procedure is registered with {@code disclose_caller}, which the router's services always get.
 */
public final class EventHistoryService {

    static final String GET_EVENTS = "wamp.subscription.get_events";

    private static final Set<String> FILTERS = Set.of("reverse", "limit", "topic", "from_time", "after_time",
            "before_time", "until_time", "from_publication", "after_publication", "before_publication",
            "until_publication");

    private static final DateTimeFormatter RFC_3339 = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_OFFSET_DATE_TIME).toFormatter();

    private final Realm realm;
    private final LocalSession session;
    private final EventHistory history;

    EventHistoryService(Realm realm, LocalSession session) {
        PubSubConfig config = realm.broker().config();
        this.realm = realm;
        this.session = session;
        this.history = new EventHistory(realm.name(), config.history(), config.eventStore());
    }

    void start() {
        realm.broker().addPublicationListener(history);
        session.register(GET_EVENTS, Map.of("disclose_caller", true),
                invocation -> CompletableFuture.completedFuture(getEvents(invocation))).join();
        realm.broker().announce("event_history");
    }

    private Payload getEvents(LocalInvocation invocation) {
        AuthIdentity caller = caller(invocation.details());
        long id = new MetaArguments(GET_EVENTS, invocation.payload()).id(0, "subscription");
        Subscription subscription = realm.broker().subscription(id);
        if (subscription == null) {
            throw new WampException(WampUris.NO_SUCH_SUBSCRIPTION, "no subscription " + id);
        }
        if (!realm.broker().authorizer().isAuthorized(caller, Action.SUBSCRIBE, subscription.uri(),
                subscription.match())) {
            throw new WampException(WampUris.NOT_AUTHORIZED,
                    "not authorized to subscribe to '" + subscription.uri() + "'");
        }
        Map<String, Object> kwargs = invocation.payload().kwargs() != null ? invocation.payload().kwargs() : Map.of();
        Filters filters = new Filters(kwargs);
        List<StoredEvent> events = history.events(filters.query(subscription, caller));
        boolean more = filters.limit > 0 && events.size() > filters.limit;
        List<Object> result = new ArrayList<>();
        for (StoredEvent event : more ? events.subList(0, filters.limit) : events) {
            result.add(event(subscription, event));
        }
        return Payload.of(result, Map.of("count", (long) result.size(), "more", more));
    }

    /** The caller's identity as the realm knows it, which is what the broker authorizes a SUBSCRIBE with. */
    private AuthIdentity caller(Map<String, Object> details) {
        RouterSession caller = details.get("caller") instanceof Long id ? realm.session(id) : null;
        if (caller == null) {
            throw new WampException(WampUris.NOT_AUTHORIZED, GET_EVENTS + " needs a caller of this realm");
        }
        return caller.identity();
    }

    /** An event of the history as the spec describes it, with the details the subscription would have got. */
    private static Map<String, Object> event(Subscription subscription, StoredEvent stored) {
        Map<String, Object> details = new LinkedHashMap<>(stored.publisherDetails());
        if (subscription.match() != MatchPolicy.EXACT) {
            details.put("topic", stored.topic());
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("timestamp", stored.timestamp().toString());
        event.put("subscription", subscription.id());
        event.put("publication", stored.publication());
        event.put("details", details);
        if (stored.payload().args() != null) {
            event.put("args", stored.payload().args());
        }
        if (stored.payload().kwargs() != null) {
            event.put("kwargs", stored.payload().kwargs());
        }
        return event;
    }

    private static WampException invalid(String message) {
        return new WampException(WampUris.INVALID_ARGUMENT, GET_EVENTS + ": " + message);
    }

    /** The keyword arguments of one call, checked; null values count as absent. */
    private final class Filters {

        private final Map<String, Object> kwargs;
        final boolean reverse;
        final int limit;

        Filters(Map<String, Object> kwargs) {
            for (String key : kwargs.keySet()) {
                if (!FILTERS.contains(key)) {
                    throw invalid("unknown argument '" + key + "'");
                }
            }
            this.kwargs = kwargs;
            Object reverse = kwargs.get("reverse");
            if (reverse != null && !(reverse instanceof Boolean)) {
                throw invalid("reverse must be a boolean");
            }
            this.reverse = Boolean.TRUE.equals(reverse);
            Long limit = positive("limit");
            this.limit = limit == null ? 0 : (int) Math.min(limit, Integer.MAX_VALUE - 1);
        }

        HistoryQuery query(Subscription subscription, AuthIdentity caller) {
            Object topic = kwargs.get("topic");
            if (topic != null && !(topic instanceof String)) {
                throw invalid("topic must be a string");
            }
            Instant from = later(time("from_time"), shifted(time("after_time"), 1));
            Instant until = earlier(time("until_time"), shifted(time("before_time"), -1));
            long after = 0;
            long before = Long.MAX_VALUE;
            Long anchor = sequence(subscription, caller, "from_publication");
            after = anchor != null ? Math.max(after, anchor - 1) : after;
            anchor = sequence(subscription, caller, "after_publication");
            after = anchor != null ? Math.max(after, anchor) : after;
            anchor = sequence(subscription, caller, "before_publication");
            before = anchor != null ? Math.min(before, anchor) : before;
            anchor = sequence(subscription, caller, "until_publication");
            before = anchor != null ? Math.min(before, anchor + 1) : before;
            return new HistoryQuery(realm.name(), subscription.match(), subscription.uri(), (String) topic, after,
                    before, from, until, caller.authid(), caller.authrole(), reverse,
                    limit == 0 ? 0 : limit + 1); // one more than asked for tells whether there are more
        }

        private @Nullable Long positive(String name) {
            Object value = kwargs.get(name);
            if (value == null) {
                return null;
            }
            if ((value instanceof Long || value instanceof Integer) && ((Number) value).longValue() > 0) {
                return ((Number) value).longValue();
            }
            // a publication id beyond 2^32 from a JavaScript client's MessagePack or CBOR encoder is a float
            Long integral = value instanceof Double ? MessageCodec.idValue(value) : null;
            if (integral != null && integral > 0) {
                return integral;
            }
            throw invalid(name + " must be a positive integer");
        }

        private @Nullable Instant time(String name) {
            Object value = kwargs.get(name);
            if (value == null) {
                return null;
            }
            try {
                if (value instanceof String text) {
                    return OffsetDateTime.parse(text, RFC_3339).toInstant();
                }
            }
            catch (DateTimeParseException ex) {
                // reported below
            }
            throw invalid(name + " must be an RFC 3339 timestamp such as 2025-01-31T12:00:00.000Z");
        }

        /** The sequence number of the publication a {@code *_publication} argument names, or null if absent. */
        private @Nullable Long sequence(Subscription subscription, AuthIdentity caller, String name) {
            Long publication = positive(name);
            if (publication == null) {
                return null;
            }
            StoredEvent event = history.event(publication);
            if (event == null || !subscription.match().matches(subscription.uri(), event.topic())
                    || !event.isVisibleTo(caller.authid(), caller.authrole())) {
                throw invalid(name + ": publication " + publication + " is not (or no longer) in the history of"
                        + " subscription " + subscription.id());
            }
            return event.sequence();
        }
    }

    /** An instant moved by some nanoseconds: after_time and before_time become inclusive bounds. */
    private static @Nullable Instant shifted(@Nullable Instant instant, int nanos) {
        return instant == null ? null : instant.plusNanos(nanos);
    }

    private static @Nullable Instant later(@Nullable Instant a, @Nullable Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    private static @Nullable Instant earlier(@Nullable Instant a, @Nullable Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }
}
