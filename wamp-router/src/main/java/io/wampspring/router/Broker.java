package io.wampspring.router;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.wampspring.router.auth.Action;
import io.wampspring.router.auth.Authorizer;
import io.wampspring.router.match.MatchPolicy;
import io.wampspring.router.match.UriTable;
import io.wampspring.router.message.ErrorMessage;
import io.wampspring.router.message.Event;
import io.wampspring.router.message.MessageType;
import io.wampspring.router.message.Publish;
import io.wampspring.router.message.Published;
import io.wampspring.router.message.Subscribe;
import io.wampspring.router.message.Subscribed;
import io.wampspring.router.message.Unsubscribe;
import io.wampspring.router.message.Unsubscribed;
import io.wampspring.router.message.WampMessage;
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
    private final PubSubConfig config;
    private final PublishAdmission admission;
    private final UriTable<Subscription> table = new UriTable<>();
    private final ConcurrentHashMap<Long, Subscription> byId = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, SessionState> sessions = new ConcurrentHashMap<>();
    private final RetainedEvents retained = new RetainedEvents();
    private final List<SubscriptionListener> listeners = new CopyOnWriteArrayList<>();
    private final List<PublicationListener> publicationListeners = new CopyOnWriteArrayList<>();
    private final Set<String> announced = ConcurrentHashMap.newKeySet();
    private final String realm;
    private final RouterObserver observer;

    Broker(UriCheck uriCheck, Authorizer authorizer, PubSubConfig config, String realm, RouterObserver observer) {
        this.realm = realm;
        this.observer = observer;
        this.uriCheck = uriCheck;
        this.authorizer = authorizer;
        this.config = config;
        this.admission = new PublishAdmission(uriCheck, authorizer, config);
    }

    /** The features this broker announces in WELCOME. */
    public Map<String, Object> features() {
        Map<String, Object> features = new LinkedHashMap<>();
        for (String feature : List.of("publisher_exclusion", "publisher_identification",
                "subscriber_blackwhite_listing", "pattern_based_subscription", "event_retention",
                "subscription_revocation")) {
            features.put(feature, true);
        }
        announced.forEach(feature -> features.put(feature, true));
        return features;
    }

    /** Adds a feature a router service provides on top of this broker (a meta API, event history) to WELCOME. */
    public void announce(String feature) {
        announced.add(feature);
    }

    public void addListener(SubscriptionListener listener) {
        listeners.add(listener);
    }

    public void addPublicationListener(PublicationListener listener) {
        publicationListeners.add(listener);
    }

    public PubSubConfig config() {
        return config;
    }

    /** Who may do what in this realm: router services ask it for the sessions they serve. */
    public Authorizer authorizer() {
        return authorizer;
    }

    public @Nullable Subscription subscription(long id) {
        return byId.get(id);
    }

    public List<Subscription> subscriptions() {
        return List.copyOf(byId.values());
    }

    /** The subscription of a topic URI under a match policy (the meta API's lookup), or null. */
    public @Nullable Subscription lookup(String uri, MatchPolicy match) {
        return table.get(match, uri);
    }

    /** Every subscription whose URI matches an actual topic, irrespective of policy (the meta API's match). */
    public List<Subscription> match(String topic) {
        return table.matches(topic);
    }

    void join(WampPeer peer) {
        sessions.put(peer.sessionKey(), new SessionState());
    }

    void subscribe(WampPeer subscriber, Subscribe subscribe) {
        long request = subscribe.request();
        String uri = subscribe.topic();
        Map<String, Object> options = subscribe.options();
        MatchPolicy match = MatchPolicy.fromWire(Options.string(options, "match", "exact"));
        if (match == null) {
            subscriber.send(Options.error(MessageType.SUBSCRIBE, request, WampUris.INVALID_ARGUMENT,
                    "unknown match policy '" + options.get("match") + "'"));
            return;
        }
        if (options.containsKey("get_retained") && !(options.get("get_retained") instanceof Boolean)) {
            subscriber.send(Options.error(MessageType.SUBSCRIBE, request, WampUris.INVALID_ARGUMENT,
                    "option 'get_retained' must be a boolean"));
            return;
        }
        if (!uriCheck.isValid(uri, match != MatchPolicy.EXACT)) {
            subscriber.send(Options.error(MessageType.SUBSCRIBE, request, WampUris.INVALID_URI,
                    "invalid topic URI '" + uri + "'"));
            return;
        }
        if (!subscriber.isRouterService()
                && !authorizer.isAuthorized(subscriber.identity(), Action.SUBSCRIBE, uri, match)) {
            subscriber.send(Options.error(MessageType.SUBSCRIBE, request, WampUris.NOT_AUTHORIZED,
                    "role '" + subscriber.identity().authrole() + "' is not authorized to subscribe to '" + uri
                            + "'"));
            return;
        }
        SessionState state = sessions.get(subscriber.sessionId());
        if (state == null) {
            return;
        }
        boolean getRetained = Options.flag(options, "get_retained", false);
        Subscription.Subscriber[] joined = new Subscription.Subscriber[1];
        boolean[] created = new boolean[1];
        // joined first, inactive: a publication routed now is concurrent with the SUBSCRIBE and may pass it by
        Subscription subscription = table.compute(match, uri, (key, current) -> {
            created[0] = current == null;
            Subscription target = current != null ? current : new Subscription(Ids.random(), uri, match);
            Subscription.Subscriber existing = state.subscriptions.get(target.id());
            joined[0] = existing == null ? target.add(subscriber) : null;
            return target;
        });
        byId.put(subscription.id(), subscription);
        Subscription.Subscriber subscribing = joined[0];
        if (subscribing != null) {
            state.subscriptions.put(subscription.id(), subscribing);
            if (state.closed && state.subscriptions.remove(subscription.id()) != null) {
                // the session left while we subscribed: undo, whoever of us gets there first
                removeSubscriber(subscribing);
                return;
            }
            // told before SUBSCRIBED goes out: whatever the subscriber's client does once it has SUBSCRIBED (tell
            // another client to subscribe too) makes meta events that come after these
            subscribing.announce(() -> {
                if (created[0]) {
                    notify(listener -> listener.created(subscriber, subscription));
                }
                notify(listener -> listener.subscribed(subscriber, subscription));
            });
        }
        // active and acknowledged as one step: no EVENT overtakes SUBSCRIBED (nor the retained events after it),
        // no PUBLISH after it misses it
        subscriber.sendAllAfter(() -> {
            Subscription.Subscriber current = state.subscriptions.get(subscription.id());
            if (current != null) {
                current.activate();
            }
            List<WampMessage> replies = new ArrayList<>();
            replies.add(new Subscribed(request, subscription.id()));
            if (getRetained) {
                replies.addAll(retained.eventsFor(subscriber, subscription, current));
            }
            return replies;
        });
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

    /**
     * Revokes a subscription (subscription revocation): each subscriber that announced the feature gets
     * {@code UNSUBSCRIBED} with request 0 and the subscription id and reason in its details; the others are removed
     * silently, as the spec says. Returns false if there is no such subscription.
     */
    public boolean revoke(long subscriptionId, String reason) {
        Subscription subscription = byId.get(subscriptionId);
        if (subscription == null) {
            return false;
        }
        Unsubscribed revoked = new Unsubscribed(0, Map.of("subscription", subscriptionId, "reason", reason));
        for (Subscription.Subscriber subscriber : subscription.subscribers()) {
            SessionState state = sessions.get(subscriber.peer.sessionId());
            boolean[] removed = new boolean[1];
            subscriber.peer.sendIf(() -> {
                removed[0] = state != null && state.subscriptions.remove(subscriptionId, subscriber);
                subscriber.deactivate();
                return removed[0] && subscriber.peer.supports("subscriber", "subscription_revocation");
            }, revoked);
            if (removed[0]) {
                removeSubscriber(subscriber);
            }
        }
        return true;
    }

    private void removeSubscriber(Subscription.Subscriber subscriber) {
        Subscription subscription = subscriber.subscription();
        boolean[] deleted = new boolean[1];
        table.compute(subscription.match(), subscription.uri(), (uri, current) -> {
            if (current != subscription) {
                return current;
            }
            current.remove(subscriber);
            if (current.isEmpty()) {
                byId.remove(current.id());
                deleted[0] = true;
                return null;
            }
            return current;
        });
        long sessionId = subscriber.peer.sessionId();
        subscriber.retire(() -> {
            notify(listener -> listener.unsubscribed(sessionId, subscription));
            if (deleted[0]) {
                notify(listener -> listener.deleted(sessionId, subscription));
            }
        });
    }

    /**
     * Why the broker would refuse {@code publish} from {@code publisher} (invalid or reserved topic, not authorized, a
     * bad option), as the ERROR it would answer; null if it would route it. For a router service that publishes later
     * on a session's behalf (a testament) and must refuse now what would fail then.
     */
    public @Nullable ErrorMessage refusal(WampPeer publisher, Publish publish) {
        try {
            admission.admit(publisher, publish);
            return null;
        }
        catch (PublishAdmission.Refused refused) {
            return refused.error();
        }
    }

    /**
     * Routes {@code publish} as if {@code publisher} had sent it (a testament of a session that has left): admitted,
     * disclosed, filtered, retained and recorded like its own PUBLISH, but never acknowledged.
     */
    public void publishFor(WampPeer publisher, Publish publish) {
        Map<String, Object> options = publish.options();
        if (options.containsKey("acknowledge")) {
            options = new LinkedHashMap<>(options);
            options.remove("acknowledge");
        }
        publish(publisher, new Publish(publish.request(), options, publish.topic(), publish.payload()));
    }

    void publish(WampPeer publisher, Publish publish) {
        PublishOptions options;
        Publication publication;
        try {
            PublishAdmission.Admitted admitted = admission.admit(publisher, publish);
            options = admitted.options();
            publication = admitted.publication();
        }
        catch (PublishAdmission.Refused refused) {
            if (PublishOptions.acknowledged(publish.options())) {
                publisher.send(refused.error());
            }
            return;
        }
        // the router's own publications (meta events) are not the application's traffic: not counted as events
        boolean observed = !publisher.isRouterService();
        if (observed) {
            observer.eventPublished(realm);
        }
        if (options.retain()) {
            // retained before the fan-out: a subscriber joining meanwhile gets it one way or the other
            retained.retain(publication);
        }
        // every matching subscription gets the event once, with its own subscription id; a pattern one also learns
        // the topic it was published to
        boolean filtered = !publication.filter().isNone();
        Map<String, Object> exactDetails = publication.publisherDetails();
        Map<String, Object> patternDetails = Publication.withTopic(exactDetails, publication.topic());
        int[] delivered = new int[1];
        table.forEachMatch(publication.topic(), subscription -> {
            Event event = new Event(subscription.id(), publication.id(),
                    subscription.match() == MatchPolicy.EXACT ? exactDetails : patternDetails,
                    publication.payload());
            for (Subscription.Subscriber subscriber : subscription.subscribers()) {
                WampPeer peer = subscriber.peer;
                if (subscriber.isActive() && !(publication.excludeMe() && peer == publisher)
                        && (!filtered || publication.filter().admits(peer.sessionId(), peer.identity()))) {
                    if (deliver(subscriber, event)) {
                        delivered[0]++;
                    }
                }
            }
        });
        if (observed && delivered[0] > 0) {
            observer.eventsDelivered(realm, delivered[0]);
        }
        for (PublicationListener listener : publicationListeners) {
            try {
                listener.published(publication);
            }
            catch (RuntimeException ex) {
                logger.warn("Publication listener {} failed", listener, ex);
            }
        }
        if (options.acknowledge()) {
            publisher.send(new Published(publish.request(), publication.id()));
        }
    }

    /**
     * One subscriber's EVENT: one it cannot be sent (an unwritable payload) does not stop the fan-out. True when it
     * was handed to the subscriber's connection.
     */
    private static boolean deliver(Subscription.Subscriber subscriber, Event event) {
        try {
            return subscriber.peer.sendIf(() -> subscriber.isActive() && subscriber.isNew(event.publication()),
                    event);
        }
        catch (UnserializableValueException ex) {
            logger.warn("Event of publication {} cannot be sent to session {}: {}", event.publication(),
                    subscriber.peer.sessionId(), ex.getMessage());
            return false;
        }
    }

    private void notify(Consumer<SubscriptionListener> event) {
        for (SubscriptionListener listener : listeners) {
            try {
                event.accept(listener);
            }
            catch (RuntimeException ex) {
                logger.warn("Subscription listener {} failed", listener, ex);
            }
        }
    }

    void leave(WampPeer peer) {
        SessionState state = sessions.remove(peer.sessionId());
        if (state == null) {
            return;
        }
        state.closed = true;
        for (Long subscriptionId : state.subscriptions.keys()) {
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
        final OnDemandMap<Long, Subscription.Subscriber> subscriptions = new OnDemandMap<>();
        volatile boolean closed;
    }
}
