package io.wampspring.router;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.Stream;

import io.wampspring.router.auth.AuthIdentity;
import io.wampspring.router.client.LocalSession;
import io.wampspring.router.message.Event;
import io.wampspring.router.message.Payload;
import io.wampspring.router.message.Publish;
import io.wampspring.router.message.Published;
import io.wampspring.router.message.Subscribe;
import io.wampspring.router.message.Subscribed;
import io.wampspring.router.serialization.Serializers;
import io.wampspring.router.serialization.WampSerializer;
import org.junit.jupiter.api.AfterEach;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A router for one test of the advanced PubSub profile, shut down after it, with the peers and requests those tests
 * share. Local sessions stand for subscribers with a chosen identity (authid, authrole).
 */
abstract class PubSubRouterTest {

    static final String REALM = "realm1";

    WampRouter router = router(PubSubConfig.defaults());
    private final List<LocalSession> locals = new CopyOnWriteArrayList<>();

    static WampRouter router(PubSubConfig pubsub) {
        return new WampRouter(RouterConfig.defaults(), List.of(RealmConfig.anonymous(REALM).withPubSub(pubsub)));
    }

    /** Replaces the router with one whose realm treats publications as {@code pubsub} says. */
    void useRouter(PubSubConfig pubsub) {
        router.shutdown(Duration.ZERO);
        router = router(pubsub);
    }

    @AfterEach
    void shutdownRouter() {
        locals.forEach(LocalSession::close);
        router.shutdown(Duration.ZERO);
    }

    static Stream<WampSerializer> serializers() {
        return Serializers.all().stream();
    }

    Broker broker() {
        return router.realm(REALM).broker();
    }

    /** The broker features a new session's WELCOME announces. */
    @SuppressWarnings("unchecked")
    Map<String, Object> brokerFeatures() {
        Map<String, Object> roles = (Map<String, Object>) new TestPeer(router).join(REALM).details().get("roles");
        return (Map<String, Object>) ((Map<String, Object>) roles.get("broker")).get("features");
    }

    static long subscribe(TestPeer peer, String topic, Map<String, Object> options) {
        long request = peer.nextRequest();
        peer.send(new Subscribe(request, options, topic));
        Subscribed subscribed = peer.next(Subscribed.class);
        assertThat(subscribed.request()).isEqualTo(request);
        return subscribed.subscription();
    }

    /** Publishes with {@code acknowledge: true} added to the options and expects PUBLISHED; returns its id. */
    static long publishAcknowledged(TestPeer publisher, String topic, Map<String, Object> options, Object value) {
        long request = publisher.nextRequest();
        Map<String, Object> acknowledged = new java.util.LinkedHashMap<>(options);
        acknowledged.put("acknowledge", true);
        publisher.send(new Publish(request, acknowledged, topic, Payload.ofArgs(value)));
        Published published = publisher.next(Published.class);
        assertThat(published.request()).isEqualTo(request);
        return published.publication();
    }

    static long publishAcknowledged(TestPeer publisher, String topic, Object value) {
        return publishAcknowledged(publisher, topic, Map.of(), value);
    }

    /** A local session of the given identity subscribed to {@code topic}; its events land in the returned queue. */
    BlockingQueue<Event> localSubscriber(AuthIdentity identity, String topic, Map<String, Object> options) {
        LocalSession session = localSession(identity);
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        session.subscribe(topic, options, events::add).join();
        return events;
    }

    LocalSession localSession(AuthIdentity identity) {
        LocalSession session = new LocalSession(router, REALM, identity, Runnable::run);
        locals.add(session);
        return session;
    }

    static AuthIdentity identity(String authid, String authrole) {
        return new AuthIdentity(authid, authrole, "local", "test");
    }
}
