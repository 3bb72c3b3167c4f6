package io.wampspring.router.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.wampspring.router.TestPeer;
import io.wampspring.router.WampRouter;
import io.wampspring.router.WampUris;
import io.wampspring.router.auth.AuthIdentity;
import io.wampspring.router.client.LocalSession;
import io.wampspring.router.client.LocalSubscription;
import io.wampspring.router.message.Event;
import io.wampspring.router.message.Goodbye;
import io.wampspring.router.message.MessageType;
import io.wampspring.router.message.Register;
import io.wampspring.router.message.Subscribe;
import io.wampspring.router.message.Subscribed;
import io.wampspring.router.message.Unsubscribe;
import io.wampspring.router.message.Unsubscribed;
import io.wampspring.router.message.WampMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SubscriptionMetaServiceTest extends AbstractMetaServiceTest {

    private static final Map<String, Object> NO_SUBSCRIPTIONS = Map.of(
            "exact", List.of(), "prefix", List.of(), "wildcard", List.of());

    private static long subscribe(TestPeer peer, String topic, String match) {
        long request = peer.nextRequest();
        peer.send(new Subscribe(request, Map.of("match", match), topic));
        Subscribed subscribed = nextReply(peer, Subscribed.class);
        assertThat(subscribed.request()).isEqualTo(request);
        return subscribed.subscription();
    }

    private static void unsubscribe(TestPeer peer, long subscription) {
        long request = peer.nextRequest();
        peer.send(new Unsubscribe(request, subscription));
        assertThat(nextReply(peer, Unsubscribed.class).request()).isEqualTo(request);
    }

    /** The next message that is not an EVENT: a peer subscribed to meta events may get some before its reply. */
    private static <T extends WampMessage> T nextReply(TestPeer peer, Class<T> type) {
        WampMessage message = peer.next(WampMessage.class);
        while (message instanceof Event) {
            message = peer.next(WampMessage.class);
        }
        assertThat(message).isInstanceOf(type);
        return type.cast(message);
    }

    /** The watcher's next EVENT: of the meta subscription {@code on}, with exactly these arguments. */
    private static void expectEvent(TestPeer watcher, long on, Object... args) {
        Event event = watcher.next(Event.class);
        assertThat(event.subscription()).as("meta subscription of %s", event).isEqualTo(on);
        assertThat(event.payload().args()).containsExactly(args);
    }

    /** A watcher of all four subscription meta events, with its meta subscription ids in the spec's order. */
    private record Watcher(TestPeer peer, long onCreate, long onSubscribe, long onUnsubscribe, long onDelete) {

        static Watcher joined(WampRouter router) {
            TestPeer peer = TestPeer.joined(router, "realm1");
            return new Watcher(peer, peer.subscribe(SubscriptionMetaService.ON_CREATE),
                    peer.subscribe(SubscriptionMetaService.ON_SUBSCRIBE),
                    peer.subscribe(SubscriptionMetaService.ON_UNSUBSCRIBE),
                    peer.subscribe(SubscriptionMetaService.ON_DELETE));
        }

        /** Reads the next {@code count} meta events, which the test has no more to say about. */
        void skip(int count) {
            for (int i = 0; i < count; i++) {
                peer.next(Event.class);
            }
        }

        /**
         * A fresh subscription by another session, whose on_create and on_subscribe must be the watcher's next events.
         * The meta events of the changes this test's thread makes arrive in the order it made them, so an event the
         * test did not expect, of an earlier change, fails here.
         */
        void expectNothingBefore(TestPeer other, String topic) {
            long marker = other.subscribe(topic);
            Event created = peer.next(Event.class);
            assertThat(created.subscription()).as("on_create of the marker, not %s", created).isEqualTo(onCreate);
            assertThat(created.payload().args().get(0)).isEqualTo(other.sessionId);
            expectEvent(peer, onSubscribe, other.sessionId, marker);
        }
    }

    @Test
    void theBrokerAnnouncesTheSubscriptionMetaApi() {
        assertThat(announcedFeatures("broker")).containsEntry("subscription_meta_api", true);
    }

    @Test
    void metaProceduresDescribeSubscriptionsOfEveryPolicy() {
        TestPeer subscriber = TestPeer.joined(router, "realm1");
        TestPeer other = TestPeer.joined(router, "realm1");
        TestPeer inspector = TestPeer.joined(router, "realm1");
        long exact = subscriber.subscribe("com.example.items.status");
        long prefix = subscribe(subscriber, "com.example.items.", "prefix");
        assertThat(subscribe(other, "com.example.items.", "prefix")).isEqualTo(prefix);
        long wildcard = subscribe(other, "com.example..status", "wildcard");

        assertThat(call(inspector, "wamp.subscription.list")).isEqualTo(Map.of(
                "exact", List.of(exact), "prefix", List.of(prefix), "wildcard", List.of(wildcard)));

        assertThat(call(inspector, "wamp.subscription.lookup", "com.example.items.status")).isEqualTo(exact);
        assertThat(call(inspector, "wamp.subscription.lookup", "com.example.items.status", Map.of("match", "exact")))
                .isEqualTo(exact);
        assertThat(call(inspector, "wamp.subscription.lookup", "com.example.items.", Map.of("match", "prefix")))
                .isEqualTo(prefix);
        assertThat(call(inspector, "wamp.subscription.lookup", "com.example..status", Map.of("match", "wildcard")))
                .isEqualTo(wildcard);
        // a lookup is by URI and policy: the prefix subscription is not the exact one of the same URI
        assertThat(call(inspector, "wamp.subscription.lookup", "com.example.items.")).isNull();
        assertThat(call(inspector, "wamp.subscription.lookup", "com.example.items.status", Map.of("match", "prefix")))
                .isNull();

        // every subscription an event of the topic reaches, irrespective of policy
        assertThat(call(inspector, "wamp.subscription.match", "com.example.items.status"))
                .isInstanceOfSatisfying(List.class, ids -> assertThat(ids)
                        .containsExactlyInAnyOrder(exact, prefix, wildcard));
        assertThat(call(inspector, "wamp.subscription.match", "com.example.items.7")).isEqualTo(List.of(prefix));
        assertThat(call(inspector, "wamp.subscription.match", "com.example.orders.status"))
                .isEqualTo(List.of(wildcard));
        assertThat(call(inspector, "wamp.subscription.match", "com.example.nothing")).isNull();

        assertThat(call(inspector, "wamp.subscription.get", prefix)).isInstanceOfSatisfying(Map.class, details -> {
            assertThat(details).containsOnlyKeys("id", "created", "uri", "match").containsEntry("id", prefix)
                    .containsEntry("uri", "com.example.items.").containsEntry("match", "prefix");
            assertThat((String) details.get("created")).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
        });
        assertThat(call(inspector, "wamp.subscription.get", wildcard)).isInstanceOfSatisfying(Map.class,
                details -> assertThat(details).containsEntry("uri", "com.example..status")
                        .containsEntry("match", "wildcard"));
        assertThat(call(inspector, "wamp.subscription.list_subscribers", prefix)).isInstanceOfSatisfying(List.class,
                sessions -> assertThat(sessions).containsExactlyInAnyOrder(subscriber.sessionId, other.sessionId));
        assertThat(call(inspector, "wamp.subscription.count_subscribers", prefix)).isEqualTo(2L);
        assertThat(call(inspector, "wamp.subscription.list_subscribers", exact))
                .isEqualTo(List.of(subscriber.sessionId));
        assertThat(call(inspector, "wamp.subscription.count_subscribers", exact)).isEqualTo(1L);
    }

    @Test
    void subscribersAreListedAsTheyJoinAndLeave() {
        TestPeer first = TestPeer.joined(router, "realm1");
        TestPeer second = TestPeer.joined(router, "realm1");
        TestPeer inspector = TestPeer.joined(router, "realm1");
        long subscription = first.subscribe("com.example.shared");
        assertThat(second.subscribe("com.example.shared")).isEqualTo(subscription);
        assertThat(call(inspector, "wamp.subscription.count_subscribers", subscription)).isEqualTo(2L);
        // as wampy's MessagePack and CBOR encoders send an id beyond 2^32
        assertThat(call(inspector, "wamp.subscription.count_subscribers", (double) subscription)).isEqualTo(2L);

        unsubscribe(second, subscription);
        assertThat(call(inspector, "wamp.subscription.list_subscribers", subscription))
                .isEqualTo(List.of(first.sessionId));
        assertThat(call(inspector, "wamp.subscription.count_subscribers", subscription)).isEqualTo(1L);

        // the last subscriber leaves without unsubscribing: the subscription is gone
        first.disconnect();
        callFails(inspector, WampUris.NO_SUCH_SUBSCRIPTION, "wamp.subscription.list_subscribers", subscription);
        callFails(inspector, WampUris.NO_SUCH_SUBSCRIPTION, "wamp.subscription.count_subscribers", subscription);
        assertThat(call(inspector, "wamp.subscription.lookup", "com.example.shared")).isNull();
        assertThat(call(inspector, "wamp.subscription.list")).isEqualTo(NO_SUBSCRIPTIONS);
    }

    @Test
    void unknownSubscriptionsAndBadArgumentsGetTheSpecsErrors() {
        TestPeer inspector = TestPeer.joined(router, "realm1");
        for (String procedure : List.of("wamp.subscription.get", "wamp.subscription.list_subscribers",
                "wamp.subscription.count_subscribers")) {
            callFails(inspector, WampUris.NO_SUCH_SUBSCRIPTION, procedure, 42L);
            callFails(inspector, WampUris.INVALID_ARGUMENT, procedure, "not an id");
            callFails(inspector, WampUris.INVALID_ARGUMENT, procedure, 42.5);
            callFails(inspector, WampUris.INVALID_ARGUMENT, procedure);
        }
        callFails(inspector, WampUris.INVALID_ARGUMENT, "wamp.subscription.lookup", "com.example.topic",
                Map.of("match", "fuzzy"));
        callFails(inspector, WampUris.INVALID_ARGUMENT, "wamp.subscription.lookup", "com.example.topic",
                Map.of("match", 1L));
        callFails(inspector, WampUris.INVALID_ARGUMENT, "wamp.subscription.lookup", "com.example.topic", "prefix");
        callFails(inspector, WampUris.INVALID_ARGUMENT, "wamp.subscription.lookup", 7L);
        callFails(inspector, WampUris.INVALID_ARGUMENT, "wamp.subscription.match");
        // the router's procedures are not the clients' to take
        long request = inspector.nextRequest();
        inspector.send(new Register(request, Map.of(), "wamp.subscription.list"));
        inspector.nextError(MessageType.REGISTER, request, WampUris.INVALID_URI);
    }

    @Test
    void metaEventsFollowASubscriptionsLifeInTheSpecsOrder() {
        Watcher watcher = Watcher.joined(router);
        TestPeer inspector = TestPeer.joined(router, "realm1");
        TestPeer first = TestPeer.joined(router, "realm1");
        TestPeer second = TestPeer.joined(router, "realm1");

        long subscription = subscribe(first, "com.example.watched.", "prefix");

        Event created = watcher.peer().next(Event.class);
        assertThat(created.subscription()).isEqualTo(watcher.onCreate());
        assertThat(created.payload().args()).containsExactly(first.sessionId,
                call(inspector, "wamp.subscription.get", subscription));
        assertThat(created.payload().args().get(1)).isInstanceOfSatisfying(Map.class, details -> assertThat(details)
                .containsEntry("id", subscription).containsEntry("uri", "com.example.watched.")
                .containsEntry("match", "prefix"));
        expectEvent(watcher.peer(), watcher.onSubscribe(), first.sessionId, subscription);

        // a second subscriber joins the subscription: no on_create; subscribing again changes nothing
        assertThat(subscribe(second, "com.example.watched.", "prefix")).isEqualTo(subscription);
        expectEvent(watcher.peer(), watcher.onSubscribe(), second.sessionId, subscription);
        assertThat(subscribe(second, "com.example.watched.", "prefix")).isEqualTo(subscription);
        watcher.expectNothingBefore(inspector, "com.example.marker.1");

        // a subscriber that is not the last leaves: no on_delete
        unsubscribe(first, subscription);
        expectEvent(watcher.peer(), watcher.onUnsubscribe(), first.sessionId, subscription);
        watcher.expectNothingBefore(inspector, "com.example.marker.2");

        // the last one leaves: on_unsubscribe, then on_delete
        unsubscribe(second, subscription);
        expectEvent(watcher.peer(), watcher.onUnsubscribe(), second.sessionId, subscription);
        expectEvent(watcher.peer(), watcher.onDelete(), second.sessionId, subscription);
        watcher.expectNothingBefore(inspector, "com.example.marker.3");
    }

    @Test
    void aSessionThatLeavesWithoutUnsubscribingIsUnsubscribedFromEach() {
        Watcher watcher = Watcher.joined(router);
        TestPeer stays = TestPeer.joined(router, "realm1");
        TestPeer leaves = TestPeer.joined(router, "realm1");
        long shared = stays.subscribe("com.example.shared");
        assertThat(leaves.subscribe("com.example.shared")).isEqualTo(shared);
        long alone = subscribe(leaves, "com.example..alone", "wildcard");
        watcher.skip(5);

        leaves.disconnect();

        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            events.add(watcher.peer().next(Event.class));
        }
        List<List<Object>> seen = events.stream().map(event -> List.<Object>of(event.subscription(),
                event.payload().args())).toList();
        List<Object> unsubscribedAlone = List.of(watcher.onUnsubscribe(), List.of(leaves.sessionId, alone));
        List<Object> deletedAlone = List.of(watcher.onDelete(), List.of(leaves.sessionId, alone));
        assertThat(seen).containsExactlyInAnyOrder(unsubscribedAlone, deletedAlone,
                List.of(watcher.onUnsubscribe(), List.of(leaves.sessionId, shared)));
        assertThat(seen.indexOf(unsubscribedAlone)).isLessThan(seen.indexOf(deletedAlone));
        watcher.expectNothingBefore(stays, "com.example.marker");

        // a GOODBYE does the same
        TestPeer polite = TestPeer.joined(router, "realm1");
        long own = subscribe(polite, "com.example.own.", "prefix");
        watcher.skip(2);
        polite.send(new Goodbye(Map.of(), WampUris.CLOSE_NORMAL));
        expectEvent(watcher.peer(), watcher.onUnsubscribe(), polite.sessionId, own);
        expectEvent(watcher.peer(), watcher.onDelete(), polite.sessionId, own);
    }

    @Test
    void theRoutersOwnSubscriptionsAreHiddenAndFireNoMetaEvents() {
        Watcher watcher = Watcher.joined(router);
        TestPeer metaClient = TestPeer.joined(router, "realm1");
        TestPeer inspector = TestPeer.joined(router, "realm1");
        long onCreate = subscribe(metaClient, SubscriptionMetaService.ON_CREATE, "exact");
        long registrationEvents = subscribe(metaClient, "wamp.registration.", "prefix");
        subscribe(metaClient, "wamp.session.on_join", "exact");
        watcher.expectNothingBefore(inspector, "com.example.marker.1");
        // the watcher's own four are hidden too: only the marker is listed
        long marker = (long) call(inspector, "wamp.subscription.lookup", "com.example.marker.1");
        assertThat(call(inspector, "wamp.subscription.list")).isEqualTo(Map.of(
                "exact", List.of(marker), "prefix", List.of(), "wildcard", List.of()));
        assertThat(call(inspector, "wamp.subscription.lookup", SubscriptionMetaService.ON_CREATE)).isNull();
        assertThat(call(inspector, "wamp.subscription.lookup", "wamp.registration.", Map.of("match", "prefix")))
                .isNull();
        assertThat(call(inspector, "wamp.subscription.match", "wamp.registration.on_create")).isNull();
        for (long hidden : List.of(onCreate, registrationEvents)) {
            callFails(inspector, WampUris.NO_SUCH_SUBSCRIPTION, "wamp.subscription.get", hidden);
            callFails(inspector, WampUris.NO_SUCH_SUBSCRIPTION, "wamp.subscription.list_subscribers", hidden);
            callFails(inspector, WampUris.NO_SUCH_SUBSCRIPTION, "wamp.subscription.count_subscribers", hidden);
        }
        // a client's pattern that happens to match a meta topic is the client's, and is listed
        TestPeer patterns = TestPeer.joined(router, "realm1");
        long anyOnCreate = subscribe(patterns, "..on_create", "wildcard");
        watcher.skip(2);
        assertThat(call(inspector, "wamp.subscription.match", "wamp.subscription.on_create"))
                .isEqualTo(List.of(anyOnCreate));

        // leaving the hidden subscriptions fires nothing either
        unsubscribe(metaClient, onCreate);
        unsubscribe(metaClient, registrationEvents);
        watcher.expectNothingBefore(inspector, "com.example.marker.2");
    }

    @Test
    void inProcessSubscriptionsAppearLikeAnyOther() throws Exception {
        Watcher watcher = Watcher.joined(router);
        LocalSession local = new LocalSession(router, "realm1",
                new AuthIdentity("spring", "trusted", "local", "test"), executor);

        LocalSubscription subscription = local.subscribe("com.example.annotated", Map.of(), event -> { })
                .get(5, TimeUnit.SECONDS);

        Event created = watcher.peer().next(Event.class);
        assertThat(created.subscription()).isEqualTo(watcher.onCreate());
        assertThat(created.payload().args().get(0)).isEqualTo(local.sessionId());
        expectEvent(watcher.peer(), watcher.onSubscribe(), local.sessionId(), subscription.id());
        assertThat(call(watcher.peer(), "wamp.subscription.lookup", "com.example.annotated"))
                .isEqualTo(subscription.id());
        assertThat(call(watcher.peer(), "wamp.subscription.list_subscribers", subscription.id()))
                .isEqualTo(List.of(local.sessionId()));

        local.close();
        expectEvent(watcher.peer(), watcher.onUnsubscribe(), local.sessionId(), subscription.id());
        expectEvent(watcher.peer(), watcher.onDelete(), local.sessionId(), subscription.id());
    }
}
