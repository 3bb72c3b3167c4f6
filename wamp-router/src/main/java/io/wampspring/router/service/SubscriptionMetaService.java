package io.wampspring.router.service;

import java.util.List;

import io.wampspring.router.Broker;
import io.wampspring.router.Subscription;
import io.wampspring.router.SubscriptionListener;
import io.wampspring.router.WampPeer;
import io.wampspring.router.WampUris;
import org.jspecify.annotations.Nullable;

import static io.wampspring.router.service.MetaSession.idOrNull;

/**
 * The subscription meta API of one realm: the {@code wamp.subscription.*} procedures, registered by the router's
 * service session through the dealer like any callee, and the meta events, published through the broker. The
 * router's own {@code wamp.} subscriptions (a client's subscription to a meta event) are not listed and fire no
 * meta events.
 */
public final class SubscriptionMetaService implements SubscriptionListener {

    static final String ON_CREATE = "wamp.subscription.on_create";
    static final String ON_SUBSCRIBE = "wamp.subscription.on_subscribe";
    static final String ON_UNSUBSCRIBE = "wamp.subscription.on_unsubscribe";
    static final String ON_DELETE = "wamp.subscription.on_delete";

    private final Broker broker;
    private final MetaSession meta;

    SubscriptionMetaService(Broker broker, MetaSession meta) {
        this.broker = broker;
        this.meta = meta;
    }

    void start() {
        meta.procedure("wamp.subscription.list", args -> MetaSession.list(broker.subscriptions()));
        meta.procedure("wamp.subscription.lookup", args -> idOrNull(broker.lookup(args.string(0, "topic"),
                args.matchOption(1))));
        meta.procedure("wamp.subscription.match", args -> match(args.string(0, "topic")));
        meta.procedure("wamp.subscription.get", args -> MetaSession.details(subscription(args)));
        meta.procedure("wamp.subscription.list_subscribers", args -> subscription(args).subscribers().stream()
                .map(subscriber -> subscriber.peer().sessionId()).toList());
        meta.procedure("wamp.subscription.count_subscribers", args -> (long) subscription(args).subscriberCount());
        broker.addListener(this);
        broker.announce("subscription_meta_api");
    }

    /** The ids of every public subscription an event of {@code topic} reaches, or null when none does. */
    private @Nullable List<Long> match(String topic) {
        List<Long> ids = broker.match(topic).stream().filter(MetaSession::isPublic).map(Subscription::id).toList();
        return ids.isEmpty() ? null : ids;
    }

    private Subscription subscription(MetaArguments args) {
        return MetaSession.entry(args, "subscription", broker::subscription, WampUris.NO_SUCH_SUBSCRIPTION);
    }

    @Override
    public void created(WampPeer subscriber, Subscription subscription) {
        meta.event(ON_CREATE, subscription, subscriber.sessionId(), MetaSession.details(subscription));
    }

    @Override
    public void subscribed(WampPeer subscriber, Subscription subscription) {
        meta.event(ON_SUBSCRIBE, subscription, subscriber.sessionId(), subscription.id());
    }

    @Override
    public void unsubscribed(long sessionId, Subscription subscription) {
        meta.event(ON_UNSUBSCRIBE, subscription, sessionId, subscription.id());
    }

    @Override
    public void deleted(long sessionId, Subscription subscription) {
        meta.event(ON_DELETE, subscription, sessionId, subscription.id());
    }
}
