package io.wampspring.router;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.wampspring.router.auth.Action;
import io.wampspring.router.auth.Authorizer;
import io.wampspring.router.match.MatchPolicy;
import io.wampspring.router.match.UriTable;
import io.wampspring.router.message.Event;
import io.wampspring.router.message.MessageType;
import io.wampspring.router.message.Publish;
import io.wampspring.router.message.Published;
import io.wampspring.router.message.Subscribe;
import io.wampspring.router.message.Subscribed;
import io.wampspring.router.message.Unsubscribe;
import io.wampspring.router.message.Unsubscribed;
import io.wampspring.router.serialization.UnserializableValueException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes events of one realm. A publication is handed to each subscriber's send buffer on the publisher's own
 * thread, in publish order, so every subscriber sees one publisher's events in the order they were published.
 */
public final class Broker {

    private static final Logger logger = LoggerFactory.getLogger(Broker.class);

    private final UriCheck uriCheck;
    private final Authorizer authorizer;
    private final UriTable<Subscription> table = new UriTable<>();
    private final ConcurrentHashMap<Long, Subscription> byId = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, SessionState> sessions = new ConcurrentHashMap<>();

    Broker(UriCheck uriCheck, Authorizer authorizer) {
        this.uriCheck = uriCheck;
        this.authorizer = authorizer;
    }

    /** The features this broker announces in WELCOME. */
    public Map<String, Object> features() {
        return Map.of("publisher_exclusion", true, "pattern_based_subscription", true);
    }

    public @Nullable Subscription subscription(long id) {
        return byId.get(id);
    }

    public List<Subscription> subscriptions() {
        return List.copyOf(byId.values());
    }

    void join(WampPeer peer) {
        sessions.put(peer.sessionId(), new SessionState());
    }

    void subscribe(WampPeer subscriber, Subscribe subscribe) {
        long request = subscribe.request();
        String uri = subscribe.topic();
        MatchPolicy match = MatchPolicy.fromWire(Options.string(subscribe.options(), "match", "exact"));
        if (match == null) {
            subscriber.send(Options.error(MessageType.SUBSCRIBE, request, WampUris.INVALID_ARGUMENT,
                    "unknown match policy '" + subscribe.options().get("match") + "'"));
            return;
        }
        if (!uriCheck.isValid(uri, match != MatchPolicy.EXACT)) {
            subscriber.send(Options.error(MessageType.SUBSCRIBE, request, WampUris.INVALID_URI,
                    "invalid topic URI '" + uri + "'"));
            return;
        }
        if (!authorizer.isAuthorized(subscriber.identity(), Action.SUBSCRIBE, uri)) {
            subscriber.send(Options.error(MessageType.SUBSCRIBE, request, WampUris.NOT_AUTHORIZED,
                    "not authorized to subscribe to '" + uri + "'"));
            return;
        }
        SessionState state = sessions.get(subscriber.sessionId());
        if (state == null) {
            return;
        }
        Subscription.Subscriber[] joined = new Subscription.Subscriber[1];
        // visible and acknowledged as one step: no EVENT overtakes SUBSCRIBED, no PUBLISH after it misses it
        subscriber.sendAfter(() -> {
            Subscription subscription = table.compute(match, uri, (key, current) -> {
                Subscription target = current != null ? current : new Subscription(Ids.random(), uri, match);
                if (!state.subscriptions.containsKey(target.id())) {
                    joined[0] = target.add(subscriber);
                }
                return target;
            });
            byId.put(subscription.id(), subscription);
            if (joined[0] != null) {
                state.subscriptions.put(subscription.id(), joined[0]);
            }
            return new Subscribed(request, subscription.id());
        });
        if (state.closed && joined[0] != null
                && state.subscriptions.remove(joined[0].subscription().id()) != null) {
            // the session left while we subscribed: undo, whoever of us gets there first
            removeSubscriber(joined[0]);
        }
    }

    void unsubscribe(WampPeer subscriber, Unsubscribe unsubscribe) {
        SessionState state = sessions.get(subscriber.sessionId());
        Subscription.Subscriber[] removed = new Subscription.Subscriber[1];
        // inactive and acknowledged as one step: no EVENT of a publication in flight lands behind UNSUBSCRIBED
        subscriber.sendAfter(() -> {
            removed[0] = state != null ? state.subscriptions.remove(unsubscribe.subscription()) : null;
            if (removed[0] == null) {
                return Options.error(MessageType.UNSUBSCRIBE, unsubscribe.request(), WampUris.NO_SUCH_SUBSCRIPTION,
                        "no subscription " + unsubscribe.subscription() + " of this session");
            }
            removed[0].deactivate();
            return new Unsubscribed(unsubscribe.request(), Map.of());
        });
        if (removed[0] != null) {
            removeSubscriber(removed[0]);
        }
    }

    private void removeSubscriber(Subscription.Subscriber subscriber) {
        Subscription subscription = subscriber.subscription();
        table.compute(subscription.match(), subscription.uri(), (uri, current) -> {
            if (current != subscription) {
                return current;
            }
            current.remove(subscriber);
            if (current.isEmpty()) {
                byId.remove(current.id());
                return null;
            }
            return current;
        });
    }

    void publish(WampPeer publisher, Publish publish) {
        long request = publish.request();
        String uri = publish.topic();
        boolean acknowledge = Options.flag(publish.options(), "acknowledge", false);
        if (!uriCheck.isValid(uri, false)
                || (uri.startsWith(WampUris.RESERVED_PREFIX) && !publisher.isRouterService())) {
            if (acknowledge) {
                publisher.send(Options.error(MessageType.PUBLISH, request, WampUris.INVALID_URI,
                        "invalid or reserved topic URI '" + uri + "'"));
            }
            return;
        }
        if (!authorizer.isAuthorized(publisher.identity(), Action.PUBLISH, uri)) {
            if (acknowledge) {
                publisher.send(Options.error(MessageType.PUBLISH, request, WampUris.NOT_AUTHORIZED,
                        "not authorized to publish to '" + uri + "'"));
            }
            return;
        }
        long publication = Ids.random();
        boolean excludeMe = Options.flag(publish.options(), "exclude_me", true);
        // every matching subscription gets the event once, with its own subscription id; a pattern one also learns
        // the topic it was published to
        Map<String, Object> patternDetails = Map.of("topic", uri);
        table.forEachMatch(uri, subscription -> {
            Event event = new Event(subscription.id(), publication,
                    subscription.match() == MatchPolicy.EXACT ? Map.of() : patternDetails, publish.payload());
            for (Subscription.Subscriber subscriber : subscription.subscribers()) {
                if (subscriber.isActive() && !(excludeMe && subscriber.peer == publisher)) {
                    deliver(subscriber, event);
                }
            }
        });
        if (acknowledge) {
            publisher.send(new Published(request, publication));
        }
    }

    /** One subscriber's EVENT: one it cannot be sent (an unwritable payload) does not stop the fan-out. */
    private static void deliver(Subscription.Subscriber subscriber, Event event) {
        try {
            subscriber.peer.sendIf(subscriber::isActive, event);
        }
        catch (UnserializableValueException ex) {
            logger.warn("Event of publication {} cannot be sent to session {}: {}", event.publication(),
                    subscriber.peer.sessionId(), ex.getMessage());
        }
    }

    void leave(WampPeer peer) {
        SessionState state = sessions.remove(peer.sessionId());
        if (state == null) {
            return;
        }
        state.closed = true;
        for (Long subscriptionId : state.subscriptions.keySet()) {
            Subscription.Subscriber subscriber = state.subscriptions.remove(subscriptionId);
            if (subscriber != null) {
                subscriber.deactivate();
                removeSubscriber(subscriber);
            }
        }
    }

    /** The broker's view of one joined session. */
    private static final class SessionState {
        /** This session's place in each subscription it holds, by subscription id. */
        final ConcurrentHashMap<Long, Subscription.Subscriber> subscriptions = new ConcurrentHashMap<>();
        volatile boolean closed;
    }
}
