package io.wampspring.router;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.wampspring.router.auth.Action;
import io.wampspring.router.auth.Authorizer;
import io.wampspring.router.message.Event;
import io.wampspring.router.message.MessageType;
import io.wampspring.router.message.Publish;
import io.wampspring.router.message.Published;
import io.wampspring.router.message.Subscribe;
import io.wampspring.router.message.Subscribed;
import io.wampspring.router.message.Unsubscribe;
import io.wampspring.router.message.Unsubscribed;
import org.jspecify.annotations.Nullable;

/**
 * Routes events of one realm. A publication is handed to each subscriber's send buffer on the publisher's own
 * thread, in publish order, so every subscriber sees one publisher's events in the order they were published.
 */
public final class Broker {

    private final UriCheck uriCheck;
    private final Authorizer authorizer;
    private final ConcurrentHashMap<String, Subscription> exact = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, Subscription> byId = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, SessionState> sessions = new ConcurrentHashMap<>();

    Broker(UriCheck uriCheck, Authorizer authorizer) {
        this.uriCheck = uriCheck;
        this.authorizer = authorizer;
    }

    /** The features this broker announces in WELCOME. */
    public Map<String, Object> features() {
        return Map.of("publisher_exclusion", true);
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
        String match = Options.string(subscribe.options(), "match", "exact");
        if (!match.equals("exact")) {
            subscriber.send(Options.error(MessageType.SUBSCRIBE, request, WampUris.INVALID_ARGUMENT,
                    "match policy '" + match + "' is not supported"));
            return;
        }
        if (!uriCheck.isValid(uri, false)) {
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
        long[] subscriptionId = new long[1];
        // visible and acknowledged as one step: no EVENT overtakes SUBSCRIBED, no PUBLISH after it misses it
        subscriber.sendAfter(() -> {
            Subscription subscription = exact.compute(uri, (key, current) -> {
                Subscription updated = current == null
                        ? new Subscription(Ids.random(), uri, match, subscriber)
                        : current.withSubscriber(subscriber);
                byId.put(updated.id(), updated);
                return updated;
            });
            subscriptionId[0] = subscription.id();
            state.subscriptions.add(subscription.id());
            return new Subscribed(request, subscription.id());
        });
        if (state.closed) {
            removeSubscriber(subscriptionId[0], subscriber);
        }
    }

    void unsubscribe(WampPeer subscriber, Unsubscribe unsubscribe) {
        SessionState state = sessions.get(subscriber.sessionId());
        if (state == null || !state.subscriptions.remove(unsubscribe.subscription())) {
            subscriber.send(Options.error(MessageType.UNSUBSCRIBE, unsubscribe.request(),
                    WampUris.NO_SUCH_SUBSCRIPTION,
                    "no subscription " + unsubscribe.subscription() + " of this session"));
            return;
        }
        Subscription subscription = byId.get(unsubscribe.subscription());
        Subscription.Subscriber entry = subscription != null ? subscription.entryOf(subscriber) : null;
        // inactive and acknowledged as one step: no EVENT of an older snapshot lands behind UNSUBSCRIBED
        subscriber.sendAfter(() -> {
            if (entry != null) {
                entry.active = false;
            }
            return new Unsubscribed(unsubscribe.request(), Map.of());
        });
        removeSubscriber(unsubscribe.subscription(), subscriber);
    }

    private void removeSubscriber(long subscriptionId, WampPeer subscriber) {
        Subscription subscription = byId.get(subscriptionId);
        if (subscription == null) {
            return;
        }
        exact.computeIfPresent(subscription.uri(), (uri, current) -> {
            if (current.id() != subscriptionId) {
                return current;
            }
            Subscription remaining = current.withoutSubscriber(subscriber);
            if (remaining.subscriberCount() == 0) {
                byId.remove(subscriptionId);
                return null;
            }
            byId.put(subscriptionId, remaining);
            return remaining;
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
        Subscription subscription = exact.get(uri);
        if (subscription != null) {
            boolean excludeMe = Options.flag(publish.options(), "exclude_me", true);
            Event event = new Event(subscription.id(), publication, Map.of(), publish.payload());
            for (Subscription.Subscriber subscriber : subscription.subscribers()) {
                if (subscriber.active && !(excludeMe && subscriber.peer == publisher)) {
                    subscriber.peer.sendIf(subscriber::isActive, event);
                }
            }
        }
        if (acknowledge) {
            publisher.send(new Published(request, publication));
        }
    }

    void leave(WampPeer peer) {
        SessionState state = sessions.remove(peer.sessionId());
        if (state == null) {
            return;
        }
        state.closed = true;
        for (Long subscriptionId : state.subscriptions) {
            removeSubscriber(subscriptionId, peer);
        }
    }

    /** The broker's view of one joined session. */
    private static final class SessionState {
        final Set<Long> subscriptions = ConcurrentHashMap.newKeySet();
        volatile boolean closed;
    }
}
