package io.wampspring.sample.interop;

import static io.wampspring.sample.interop.Values.listOf;
import static io.wampspring.sample.interop.Values.mapOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.wampspring.sample.interop.AdvancedPubSubTestBeans.AnnotatedSubscriber;
import io.wampspring.sample.interop.NodeWampClient.Event;
import io.wampspring.sample.interop.NodeWampClient.Published;
import io.wampspring.sample.interop.NodeWampClient.Subscribed;
import io.wampspring.sample.interop.NodeWampClient.Welcome;
import io.wampspring.spring.binding.WampEventContext;
import io.wampspring.spring.core.PublishOptions;
import io.wampspring.spring.core.WampLocalSessions;
import io.wampspring.spring.core.WampTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The advanced PubSub profile with a third-party JavaScript client ({@link #library()} with {@link #serializer()}) in
 * three sessions (a publisher and two subscribers, each its own node process) against the sample app, its
 * {@link WampTemplate} and the annotated pattern subscriber of {@link AdvancedPubSubTestBeans}: pattern-based
 * subscriptions, publisher identification and exclusion, subscriber black- and whitelisting, acknowledgement of
 * refused publications, event retention, the subscription meta API, event history, and event order. Subclasses add
 * what only one library can do.
 *
 * <p>No test waits for something not to happen: an event that must not arrive is followed by a marker event of the
 * same publisher that must, and one publisher's events reach each subscriber in publish order, so once the marker is
 * there the other event would have been there too. A publisher's own events would precede its PUBLISHED on its own
 * connection (the broker hands out the events before it acknowledges), so an acknowledged publish is its marker.
 */
@ActiveProfiles("interop")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "wamp.pubsub.event-history[0].topic=" + AbstractAdvancedPubSubInteropTest.HISTORY,
        "wamp.pubsub.event-history[0].match=prefix",
        "wamp.pubsub.event-history[0].limit=" + AbstractAdvancedPubSubInteropTest.HISTORY_LIMIT})
@Import(InteropTestBeans.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractAdvancedPubSubInteropTest {

    /** The topics whose events the application keeps (a prefix), {@link #HISTORY_LIMIT} per topic. */
    static final String HISTORY = "interop.history";
    static final int HISTORY_LIMIT = 4;
    static final String REALM = "realm1";
    static final Duration WAIT = Duration.ofSeconds(15);
    static final String INVALID_ARGUMENT = "wamp.error.invalid_argument";
    static final Map<String, Object> NONE = Map.of();
    static final Map<String, Object> PREFIX = Map.of("match", "prefix");
    static final Map<String, Object> WILDCARD = Map.of("match", "wildcard");

    @LocalServerPort
    int port;

    @Autowired
    WampTemplate wamp;

    @Autowired
    AnnotatedSubscriber annotated;

    @Autowired
    WampLocalSessions localSessions;

    NodeWampClient publisher;
    Welcome publisherSession;
    NodeWampClient subscriber;
    Welcome subscriberSession;
    NodeWampClient other;
    Welcome otherSession;
    private final AtomicInteger uris = new AtomicInteger();

    /** "autobahn" (autobahn-js) or "wampy". */
    abstract String library();

    /** "json", "msgpack" or "cbor". */
    abstract String serializer();

    String url() {
        return "ws://127.0.0.1:" + port + "/ws";
    }

    @BeforeAll
    void connectClients() throws Exception {
        connectPublisher();
        connectSubscriber();
        connectOther();
    }

    /** A test that broke a client's connection does not take the tests after it down too. */
    @BeforeEach
    void reconnectBrokenClients() throws Exception {
        if (!publisher.isOpen()) {
            publisher.close();
            connectPublisher();
        }
        if (!subscriber.isOpen()) {
            subscriber.close();
            connectSubscriber();
        }
        if (!other.isOpen()) {
            other.close();
            connectOther();
        }
    }

    private void connectPublisher() throws Exception {
        Connected connected = connected();
        publisher = connected.client();
        publisherSession = connected.welcome();
    }

    private void connectSubscriber() throws Exception {
        Connected connected = connected();
        subscriber = connected.client();
        subscriberSession = connected.welcome();
    }

    private void connectOther() throws Exception {
        Connected connected = connected();
        other = connected.client();
        otherSession = connected.welcome();
    }

    record Connected(NodeWampClient client, Welcome welcome) {
    }

    /** A new client of {@link #library()} in a node process of its own. */
    Connected connected() throws Exception {
        NodeWampClient client = NodeWampClient.start(library());
        try {
            Welcome welcome = client.connect(url(), REALM, serializer(), Map.of());
            assertThat(client.protocol()).as("subprotocol chosen for %s", library())
                    .isEqualTo("wamp.2." + serializer());
            assertThat(welcome.authrole()).isEqualTo("anonymous");
            assertThat(welcome.authid()).isEqualTo("anonymous-" + welcome.sessionId());
            return new Connected(client, welcome);
        }
        catch (RuntimeException | Error ex) {
            client.close();
            throw ex;
        }
    }

    @AfterAll
    void closeClients() {
        for (NodeWampClient client : new NodeWampClient[] {publisher, subscriber, other}) {
            if (client != null) {
                client.close();
            }
        }
    }

    /**
     * A URI of its own for each use: interop.pubsub.<library>.<serializer>.n<n>.<name>. As a prefix it matches only
     * its own topics (n1.name is no string prefix of n12.name).
     */
    String uri(String name) {
        return "interop.pubsub." + library() + "." + serializer() + ".n" + uris.incrementAndGet() + "." + name;
    }

    /** A URI under the annotated subscriber's prefix, of its own for each use. */
    String annotatedUri(String name) {
        return AdvancedPubSubTestBeans.PREFIX + "." + library() + "." + serializer() + ".n" + uris.incrementAndGet()
                + "." + name;
    }

    static Long published(Published published) {
        assertThat(published.error()).as("publication refused").isNull();
        assertThat(published.id()).as("publication id").isNotNull().isPositive();
        return published.id();
    }

    static long subscribed(Subscribed subscribed) {
        assertThat(subscribed.error()).as("subscription refused").isNull();
        assertThat(subscribed.id()).as("subscription id").isNotNull().isPositive();
        return subscribed.id();
    }

    /** Publishes [label] (acknowledged) with these options and answers the publication id. */
    long publish(NodeWampClient client, String topic, String label, Map<String, ?> options) {
        return published(client.publish(topic, listOf(label), null, options));
    }

    static List<Object> labels(List<Event> events) {
        return events.stream().map(event -> event.args().get(0)).toList();
    }

    // ------------------------------------------------------------------------------------------------------------
    // pattern-based subscriptions

    /**
     * One session holds an exact, a prefix and a wildcard subscription that all match a topic: it gets the event
     * once per subscription, each with its own subscription id and the same publication id, and only the pattern
     * subscriptions carry EVENT.Details.topic. Topics that match only some of them reach only those.
     */
    @Test
    void exactPrefixAndWildcardSubscriptionsOfOneSessionEachGetTheEventOnce() {
        String base = uri("overlap");
        long exact = subscribed(subscriber.subscribe(base + "/exact", base + ".sensor.temp", NONE));
        long prefix = subscribed(subscriber.subscribe(base + "/prefix", base + ".sensor", PREFIX));
        long wildcard = subscribed(subscriber.subscribe(base + "/wildcard", base + "..temp", WILDCARD));
        assertThat(List.of(exact, prefix, wildcard)).doesNotHaveDuplicates();

        long all = publish(publisher, base + ".sensor.temp", "all", NONE);
        publish(publisher, base + ".sensor.humidity", "prefix only", NONE);
        publish(publisher, base + ".kitchen.temp", "wildcard only", NONE);
        publish(publisher, base + ".sensor.temp.max", "prefix only, deeper", NONE);
        publish(publisher, base + ".sensor.temp", "marker", NONE);

        List<Event> exactEvents = subscriber.eventsOf(base + "/exact", 2);
        List<Event> prefixEvents = subscriber.eventsOf(base + "/prefix", 4);
        List<Event> wildcardEvents = subscriber.eventsOf(base + "/wildcard", 3);
        assertThat(labels(exactEvents)).containsExactly("all", "marker");
        assertThat(labels(prefixEvents)).containsExactly("all", "prefix only", "prefix only, deeper", "marker");
        assertThat(labels(wildcardEvents)).containsExactly("all", "wildcard only", "marker");

        assertThat(exactEvents).extracting(Event::subscription).containsOnly(exact);
        assertThat(prefixEvents).extracting(Event::subscription).containsOnly(prefix);
        assertThat(wildcardEvents).extracting(Event::subscription).containsOnly(wildcard);
        assertThat(List.of(exactEvents.get(0), prefixEvents.get(0), wildcardEvents.get(0)))
                .extracting(Event::publication).containsOnly(all);

        assertThat(exactEvents).allSatisfy(event -> assertThat(event.details()).doesNotContainKey("topic"));
        assertThat(prefixEvents).extracting(event -> event.details().get("topic")).containsExactly(
                base + ".sensor.temp", base + ".sensor.humidity", base + ".sensor.temp.max", base + ".sensor.temp");
        assertThat(wildcardEvents).extracting(event -> event.details().get("topic")).containsExactly(
                base + ".sensor.temp", base + ".kitchen.temp", base + ".sensor.temp");
    }

    /** A JavaScript publication reaches the annotated prefix subscriber, which learns the topic it went to. */
    @Test
    void publicationReachesTheAnnotatedPrefixSubscriberWithItsTopic() {
        String topic = annotatedUri("to_bean");

        long publication = published(publisher.publish(topic, listOf(7, "seven"), mapOf("unit", "m"), NONE));

        WampEventContext event = await().atMost(WAIT).until(() -> annotated.received(topic), got -> !got.isEmpty())
                .get(0);
        assertThat(event.publicationId()).isEqualTo(publication);
        assertThat(event.details()).containsEntry("topic", topic);
        assertThat(Values.normalize(event.args())).isEqualTo(listOf(7L, "seven"));
        assertThat(event.kwargs()).isEqualTo(Map.of("unit", "m"));
        assertThat(event.publisherSessionId()).as("not disclosed").isNull();
    }

    /**
     * After UNSUBSCRIBED no event of the subscription arrives (the marker goes to another topic the session still
     * holds, after the publication it must not get); the other subscriber of the topic goes on.
     */
    @Test
    void anUnsubscribedSessionGetsNoFurtherEvents() {
        String base = uri("unsubscribe");
        String topic = base + ".topic";
        String marker = base + ".marker";
        subscribed(subscriber.subscribe(topic, topic, NONE));
        subscribed(subscriber.subscribe(marker, marker, NONE));
        subscribed(other.subscribe(topic, topic, NONE));
        long before = publish(publisher, topic, "before", NONE);
        assertThat(subscriber.eventsOf(topic, 1)).extracting(Event::publication).containsExactly(before);

        assertThat(subscriber.unsubscribe(topic)).as("unsubscribe refused").isNull();
        long after = publish(publisher, topic, "after", NONE);
        publish(publisher, marker, "marker", NONE);

        assertThat(subscriber.eventsOf(marker, 1)).hasSize(1);
        assertThat(subscriber.eventsOf(topic, 0)).extracting(Event::publication).containsExactly(before);
        assertThat(other.eventsOf(topic, 2)).extracting(Event::publication).containsExactly(before, after);
        assertThat(subscriber.unsubscribe(marker)).isNull();
    }

    // ------------------------------------------------------------------------------------------------------------
    // publisher identification

    @Test
    void discloseMeIdentifiesThePublisherToRemoteAndAnnotatedSubscribers() {
        String topic = annotatedUri("disclosed");
        subscribed(subscriber.subscribe(topic, topic, NONE));

        publish(publisher, topic, "disclosed", Map.of("disclose_me", true));
        publish(publisher, topic, "anonymous", NONE);

        List<Event> events = subscriber.eventsOf(topic, 2);
        assertThat(labels(events)).containsExactly("disclosed", "anonymous");
        assertThat(events.get(0).details()).containsEntry("publisher", publisherSession.sessionId())
                .containsEntry("publisher_authid", publisherSession.authid())
                .containsEntry("publisher_authrole", "anonymous");
        assertThat(events.get(1).details())
                .doesNotContainKeys("publisher", "publisher_authid", "publisher_authrole");

        List<WampEventContext> beanEvents = await().atMost(WAIT).until(() -> annotated.received(topic),
                got -> got.size() == 2);
        assertThat(beanEvents.get(0).publisherSessionId()).isEqualTo(publisherSession.sessionId());
        assertThat(beanEvents.get(0).details()).containsEntry("publisher_authid", publisherSession.authid());
        assertThat(beanEvents.get(1).publisherSessionId()).isNull();
    }

    /**
     * WampTemplate publishes with disclose_me: the JavaScript subscriber learns the template's own session and its
     * identity (the in-process sessions' authid and authrole), and the publication id the template was given.
     */
    @Test
    void aWampTemplatePublicationWithDiscloseMeReachesTheClientWithTheTemplatesSession() throws Exception {
        String base = uri("from_java");
        String topic = base + ".event";
        subscribed(subscriber.subscribe(topic, topic, NONE));
        subscribed(other.subscribe(base, base, PREFIX));

        Long publication = wamp.publish(topic, listOf("from java"), mapOf("n", 1),
                PublishOptions.DEFAULTS.withAcknowledge(true).withDiscloseMe(true)).get(30, TimeUnit.SECONDS);

        Event event = subscriber.eventsOf(topic, 1).get(0);
        assertThat(event.publication()).isEqualTo(publication);
        assertThat(event.args()).isEqualTo(listOf("from java"));
        assertThat(event.kwargs()).isEqualTo(mapOf("n", 1L));
        assertThat(event.details()).containsEntry("publisher", wamp.sessionId())
                .containsEntry("publisher_authid", "spring").containsEntry("publisher_authrole", "trusted")
                .doesNotContainKey("topic");
        assertThat(other.eventsOf(base, 1).get(0).details())
                .containsEntry("publisher", wamp.sessionId()).containsEntry("topic", topic);
    }

    // ------------------------------------------------------------------------------------------------------------
    // publisher exclusion

    /** By default a publisher subscribed to its own topic does not get its own event; the others do. */
    @Test
    void aPublisherDoesNotGetItsOwnEventByDefault() {
        String topic = uri("excluded");
        subscribed(publisher.subscribe(topic, topic, NONE));
        subscribed(subscriber.subscribe(topic, topic, NONE));

        long first = publish(publisher, topic, "first", NONE);
        long second = publish(publisher, topic, "second", Map.of("exclude_me", true));

        assertThat(subscriber.eventsOf(topic, 2)).extracting(Event::publication).containsExactly(first, second);
        // both acknowledged: an event to the publisher itself would have come before the PUBLISHED
        assertThat(publisher.eventsOf(topic, 0)).isEmpty();
        // another publisher's event does reach it
        long fromOther = publish(other, topic, "from other", NONE);
        assertThat(publisher.eventsOf(topic, 1)).extracting(Event::publication).containsExactly(fromOther);
    }

    // ------------------------------------------------------------------------------------------------------------
    // subscriber black- and whitelisting

    /**
     * eligible and exclude by session id, with ids of sessions that do not exist, and the spec's combined example
     * (eligible two sessions, exclude one of them: only the other gets it). The marker goes to everyone.
     */
    @Test
    void eligibleAndExcludeBySessionIdIncludingUnknownIdsAndTheSpecsExample() {
        String topic = uri("by_session");
        subscribed(subscriber.subscribe(topic, topic, NONE));
        subscribed(other.subscribe(topic, topic, NONE));
        long s = subscriberSession.sessionId();
        long o = otherSession.sessionId();
        long unknown = unknownSessionId();

        publish(publisher, topic, "eligible subscriber", Map.of("eligible", List.of(s)));
        publish(publisher, topic, "exclude subscriber", Map.of("exclude", List.of(s)));
        publish(publisher, topic, "eligible unknown", Map.of("eligible", List.of(unknown)));
        publish(publisher, topic, "exclude unknown", Map.of("exclude", List.of(unknown)));
        publish(publisher, topic, "eligible unknown and other", Map.of("eligible", List.of(unknown, o)));
        publish(publisher, topic, "spec example", Map.of("eligible", List.of(s, o), "exclude", List.of(s)));
        publish(publisher, topic, "exclude both", Map.of("exclude", List.of(o, s)));
        publish(publisher, topic, "marker", NONE);

        assertThat(labels(subscriber.eventsOf(topic, 3)))
                .containsExactly("eligible subscriber", "exclude unknown", "marker");
        assertThat(labels(other.eventsOf(topic, 5))).containsExactly("exclude subscriber", "exclude unknown",
                "eligible unknown and other", "spec example", "marker");
    }

    /** A session id that no session of this test has (ids are random in [1, 2^53]). */
    long unknownSessionId() {
        long unknown = 4_503_599_627_370_497L;
        while (unknown == subscriberSession.sessionId() || unknown == otherSession.sessionId()
                || unknown == publisherSession.sessionId()) {
            unknown++;
        }
        return unknown;
    }

    @Test
    void eligibleAndExcludeByAuthid() {
        String topic = uri("by_authid");
        subscribed(subscriber.subscribe(topic, topic, NONE));
        subscribed(other.subscribe(topic, topic, NONE));

        publish(publisher, topic, "eligible subscriber", Map.of("eligible_authid", List.of(subscriberSession.authid())));
        publish(publisher, topic, "exclude subscriber", Map.of("exclude_authid", List.of(subscriberSession.authid())));
        publish(publisher, topic, "eligible nobody", Map.of("eligible_authid", List.of("nobody")));
        publish(publisher, topic, "eligible other, exclude by id",
                Map.of("eligible_authid", List.of(otherSession.authid()), "exclude", List.of(otherSession.sessionId())));
        publish(publisher, topic, "marker", NONE);

        assertThat(labels(subscriber.eventsOf(topic, 2))).containsExactly("eligible subscriber", "marker");
        assertThat(labels(other.eventsOf(topic, 2))).containsExactly("exclude subscriber", "marker");
    }

    /**
     * Every JavaScript client is anonymous, the annotated subscriber is the application's (role trusted): a list of
     * roles picks one side or the other.
     */
    @Test
    void eligibleAndExcludeByAuthroleSeparateAnonymousClientsFromTheApplication() {
        String topic = annotatedUri("by_authrole");
        subscribed(subscriber.subscribe(topic, topic, NONE));

        publish(publisher, topic, "eligible anonymous", Map.of("eligible_authrole", List.of("anonymous")));
        publish(publisher, topic, "eligible trusted", Map.of("eligible_authrole", List.of("trusted")));
        publish(publisher, topic, "exclude anonymous", Map.of("exclude_authrole", List.of("anonymous")));
        publish(publisher, topic, "exclude trusted", Map.of("exclude_authrole", List.of("trusted")));
        publish(publisher, topic, "eligible admin", Map.of("eligible_authrole", List.of("admin")));
        publish(publisher, topic, "eligible both", Map.of("eligible_authrole", List.of("trusted", "anonymous")));
        publish(publisher, topic, "marker", NONE);

        assertThat(labels(subscriber.eventsOf(topic, 4))).containsExactly("eligible anonymous",
                "exclude trusted", "eligible both", "marker");
        List<Object> beanLabels = await().atMost(WAIT).until(() -> annotated.received(topic).stream()
                .map(event -> event.args().get(0)).toList(), got -> got.contains("marker"));
        assertThat(beanLabels).containsExactly("eligible trusted", "exclude anonymous", "eligible both", "marker");
    }

    // ------------------------------------------------------------------------------------------------------------
    // acknowledge

    /**
     * Options of the wrong type in an acknowledged PUBLISH: the publisher gets ERROR invalid_argument and nobody the
     * event. Both libraries pass these values on as given.
     */
    @Test
    void anAcknowledgedPublicationWithOptionsOfTheWrongTypeIsRefusedAndDeliversNothing() {
        String topic = uri("bad_options");
        subscribed(subscriber.subscribe(topic, topic, NONE));

        assertThat(publisher.publish(topic, listOf("ids as text"), null, Map.of("eligible", List.of("x"))).error())
                .isEqualTo(INVALID_ARGUMENT);
        assertThat(publisher.publish(topic, listOf("authids as numbers"), null,
                Map.of("exclude_authid", List.of(1, 2))).error()).isEqualTo(INVALID_ARGUMENT);
        assertThat(publisher.publish(topic, listOf("text flag"), null, Map.of("disclose_me", "yes")).error())
                .isEqualTo(INVALID_ARGUMENT);
        long marker = publish(publisher, topic, "marker", NONE);

        assertThat(subscriber.eventsOf(topic, 1)).extracting(Event::publication).containsExactly(marker);
        assertThat(List.of(publisher.isOpen(), subscriber.isOpen())).containsOnly(true);
    }

    // ------------------------------------------------------------------------------------------------------------
    // event retention

    /**
     * Publishes {@code args} to {@code topic} with {@code retain: true} and answers the publication id. This
     * library's publisher by default; a library that cannot send retain publishes through WampTemplate.
     */
    long publishRetained(String topic, String label) throws Exception {
        return publish(publisher, topic, label, Map.of("retain", true));
    }

    /**
     * Retained events of two topics: a new exact subscriber with get_retained gets the latest retained event of its
     * topic right after SUBSCRIBED, marked retained, before any live one; a new prefix subscriber gets that of
     * each matching topic, with Details.topic; a subscriber without get_retained gets none; a later publication
     * without retain changes nothing retained and arrives live.
     */
    @Test
    void aNewSubscriberWithGetRetainedGetsTheRetainedEventsFirstAlsoThroughAPrefix() throws Exception {
        String base = uri("retained");
        publishRetained(base + ".one", "one, first");
        long one = publishRetained(base + ".one", "one, latest");
        long two = publishRetained(base + ".two", "two");

        subscribed(subscriber.subscribe(base + "/exact", base + ".one", Map.of("get_retained", true)));
        subscribed(subscriber.subscribe(base + "/plain", base + ".one", PREFIX));
        subscribed(other.subscribe(base + "/prefix", base, Map.of("match", "prefix", "get_retained", true)));
        long live = publish(publisher, base + ".one", "one, live", NONE);

        List<Event> exact = subscriber.eventsOf(base + "/exact", 2);
        assertThat(exact).extracting(Event::publication).containsExactly(one, live);
        assertThat(exact.get(0).details()).containsEntry("retained", true).doesNotContainKey("topic");
        assertThat(exact.get(0).args()).isEqualTo(listOf("one, latest"));
        assertThat(exact.get(1).details()).doesNotContainKey("retained");

        List<Event> prefix = other.eventsOf(base + "/prefix", 3);
        assertThat(prefix.subList(0, 2)).extracting(Event::publication).containsExactlyInAnyOrder(one, two);
        assertThat(prefix.subList(0, 2)).allSatisfy(event -> assertThat(event.details())
                .containsEntry("retained", true));
        assertThat(prefix.subList(0, 2)).extracting(event -> event.details().get("topic"))
                .containsExactlyInAnyOrder(base + ".one", base + ".two");
        assertThat(prefix.get(2).publication()).isEqualTo(live);
        assertThat(prefix.get(2).details()).containsEntry("topic", base + ".one").doesNotContainKey("retained");

        assertThat(subscriber.eventsOf(base + "/plain", 1)).extracting(Event::publication).containsExactly(live);
    }

    // ------------------------------------------------------------------------------------------------------------
    // subscription meta API

    /**
     * One client watches the meta events while two others subscribe to and unsubscribe from a topic: the first
     * SUBSCRIBE creates the subscription (on_create with its details, on_subscribe), the second joins it
     * (on_subscribe only), the first UNSUBSCRIBE leaves it (on_unsubscribe), the last deletes it (on_unsubscribe,
     * on_delete). Each event is [session, subscription id or details].
     */
    @Test
    @SuppressWarnings("unchecked")
    void metaEventsTellAnotherClientOfSubscribesAndUnsubscribes() {
        String base = uri("watched");
        String topic = base + ".topic";
        for (String meta : List.of("on_create", "on_subscribe", "on_unsubscribe", "on_delete")) {
            subscribed(other.subscribe(base + "/" + meta, "wamp.subscription." + meta, NONE));
        }
        long s = subscriberSession.sessionId();
        long p = publisherSession.sessionId();

        long subscription = subscribed(subscriber.subscribe(topic, topic, NONE));
        assertThat(subscribed(publisher.subscribe(topic, topic, NONE))).isEqualTo(subscription);
        assertThat(subscriber.unsubscribe(topic)).isNull();
        assertThat(publisher.unsubscribe(topic)).isNull();

        List<Object> created = metaEvent(base, "on_create", subscription, 1).get(0);
        assertThat(created.get(0)).isEqualTo(s);
        assertThat((Map<String, Object>) created.get(1)).containsEntry("id", subscription)
                .containsEntry("uri", topic).containsEntry("match", "exact").containsKey("created");
        assertThat(metaEvent(base, "on_subscribe", subscription, 2)).containsExactly(listOf(s, subscription),
                listOf(p, subscription));
        assertThat(metaEvent(base, "on_unsubscribe", subscription, 2)).containsExactly(listOf(s, subscription),
                listOf(p, subscription));
        assertThat(metaEvent(base, "on_delete", subscription, 1)).containsExactly(listOf(p, subscription));
    }

    /**
     * The args of the meta events {@code other} received on {@code wamp.subscription.<meta>} about
     * {@code subscription}, once there are {@code count}; the events of other subscriptions are left out.
     */
    private List<List<Object>> metaEvent(String base, String meta, long subscription, int count) {
        return await().atMost(WAIT).until(() -> other.eventsOf(base + "/" + meta, 0).stream().map(Event::args)
                .filter(args -> args.size() == 2 && (subscription == idOf(args.get(1)))).toList(),
                events -> events.size() >= count);
    }

    private static long idOf(Object idOrDetails) {
        Object id = idOrDetails instanceof Map<?, ?> details ? details.get("id") : idOrDetails;
        return id instanceof Number number ? number.longValue() : -1;
    }

    /**
     * The annotated prefix subscriber is an ordinary subscription to the meta API: lookup (with match prefix) and
     * get find it, list_subscribers names the application's endpoints session, and a client subscribing to the same
     * URI and policy joins it and is listed and counted beside it; match finds it for a topic under the prefix.
     */
    @Test
    @SuppressWarnings("unchecked")
    void lookupAndListSubscribersShowTheAnnotatedSubscriberAndAClientBesideIt() {
        long endpoints = localSessions.session(REALM, WampLocalSessions.Purpose.ENDPOINTS).sessionId();
        String prefix = AdvancedPubSubTestBeans.PREFIX;
        Object found = publisher.call("wamp.subscription.lookup", listOf(prefix, mapOf("match", "prefix")), null)
                .first();
        assertThat(found).isInstanceOf(Long.class);
        long subscription = (Long) found;
        assertThat(publisher.call("wamp.subscription.lookup", listOf(prefix), null).first()).as("exact").isNull();
        assertThat((Map<String, Object>) publisher.call("wamp.subscription.get", listOf(subscription), null).first())
                .containsEntry("id", subscription).containsEntry("uri", prefix).containsEntry("match", "prefix");
        assertThat((List<Object>) publisher.call("wamp.subscription.list_subscribers", listOf(subscription), null)
                .first()).contains(endpoints).doesNotContain(subscriberSession.sessionId());

        String key = uri("joins_annotated");
        assertThat(subscribed(subscriber.subscribe(key, prefix, PREFIX))).isEqualTo(subscription);

        List<Object> subscribers = (List<Object>) publisher.call("wamp.subscription.list_subscribers",
                listOf(subscription), null).first();
        assertThat(subscribers).contains(endpoints, subscriberSession.sessionId()).doesNotHaveDuplicates();
        assertThat(publisher.call("wamp.subscription.count_subscribers", listOf(subscription), null).first())
                .isEqualTo((long) subscribers.size());
        assertThat((List<Object>) publisher.call("wamp.subscription.match", listOf(prefix + ".any.topic"), null)
                .first()).contains(subscription);
        assertThat((Map<String, List<Object>>) publisher.call("wamp.subscription.list", null, null).first())
                .hasEntrySatisfying("prefix", ids -> assertThat(ids).contains(subscription));
    }

    // ------------------------------------------------------------------------------------------------------------
    // event history

    /**
     * With a history rule for {@link #HISTORY} (prefix, {@link #HISTORY_LIMIT} per topic), a client reads what
     * another published before it subscribed with wamp.subscription.get_events: the newest events each topic kept,
     * in publish order, with the details its subscription would have had (the publisher when disclosed, the topic for
     * a pattern), never a publication with a session list (not kept) nor one whose eligible_authrole leaves out the
     * reader's role; reverse with limit pages from the newest, before_publication on from there.
     */
    @Test
    @SuppressWarnings("unchecked")
    void getEventsServesTheKeptHistoryOfAnExactAndAPrefixSubscription() {
        String base = HISTORY + "." + library() + "." + serializer() + ".n" + uris.incrementAndGet() + ".history";
        String a = base + ".a";
        publish(publisher, a, "a0", NONE);
        long a1 = publish(publisher, a, "a1", Map.of("disclose_me", true));
        publish(publisher, a, "a2 to a session list", Map.of("eligible", List.of(subscriberSession.sessionId())));
        publish(publisher, a, "a3 to admins", Map.of("eligible_authrole", List.of("admin")));
        long a4 = publish(publisher, a, "a4", NONE);
        long a5 = publish(publisher, a, "a5", NONE);
        long b0 = publish(publisher, base + ".b", "b0", NONE);

        long exact = subscribed(subscriber.subscribe(a, a, NONE));
        WampReply history = subscriber.call("wamp.subscription.get_events", listOf(exact), null);
        assertThat(history.isError()).as("get_events answered %s", history).isFalse();
        // a0 was the oldest of four kept (a1, a3, a4, a5); a3 is for admins only
        assertThat(history.args()).extracting(event -> ((Map<String, Object>) event).get("publication"))
                .containsExactly(a1, a4, a5);
        assertThat(history.kwargs()).containsEntry("count", 3L).containsEntry("more", false);
        Map<String, Object> first = (Map<String, Object>) history.args().get(0);
        assertThat(first).containsEntry("subscription", exact).containsEntry("args", listOf("a1"))
                .containsKey("timestamp");
        assertThat((Map<String, Object>) first.get("details")).containsEntry("publisher", publisherSession.sessionId())
                .doesNotContainKey("topic");

        WampReply newest = subscriber.call("wamp.subscription.get_events", listOf(exact),
                mapOf("reverse", true, "limit", 2));
        assertThat(newest.args()).extracting(event -> ((Map<String, Object>) event).get("publication"))
                .containsExactly(a5, a4);
        assertThat(newest.kwargs()).containsEntry("more", true);
        WampReply older = subscriber.call("wamp.subscription.get_events", listOf(exact),
                mapOf("reverse", true, "limit", 2, "before_publication", a4));
        assertThat(older.isError()).as("get_events answered %s", older).isFalse();
        assertThat(older.args()).extracting(event -> ((Map<String, Object>) event).get("publication"))
                .containsExactly(a1);

        long prefix = subscribed(other.subscribe(base, base, PREFIX));
        WampReply both = other.call("wamp.subscription.get_events", listOf(prefix), null);
        assertThat(both.args()).extracting(event -> ((Map<String, Object>) event).get("publication"))
                .containsExactly(a1, a4, a5, b0);
        assertThat(both.args()).extracting(event -> ((Map<String, Object>) ((Map<String, Object>) event)
                .get("details")).get("topic")).containsExactly(a, a, a, base + ".b");
    }

    // ------------------------------------------------------------------------------------------------------------
    // order

    /**
     * 1,000 events from one publisher reach a remote subscriber in publish order, on its exact and on its prefix
     * subscription alike, each once.
     */
    @Test
    void eventsOfOnePublisherArriveInPublishOrderOnExactAndPrefixSubscriptions() {
        int count = 1000;
        String base = uri("ordered");
        String topic = base + ".tick";
        subscribed(subscriber.subscribe(topic, topic, NONE));
        subscribed(subscriber.subscribe(base, base, PREFIX));

        List<Long> publications = publisher.publishMany(topic, count, NONE, null);

        List<Long> expected = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            expected.add(i);
        }
        assertThat(publications).hasSize(count).doesNotContainNull().doesNotHaveDuplicates();
        for (String key : List.of(topic, base)) {
            List<Event> events = subscriber.eventsOf(key, count);
            assertThat(events).as("events on the subscription to %s", key).hasSize(count);
            assertThat(events.stream().map(event -> event.args().get(0)).toList()).as(key)
                    .containsExactlyElementsOf(expected);
            assertThat(events).extracting(Event::publication).as(key).containsExactlyElementsOf(publications);
        }
    }
}
