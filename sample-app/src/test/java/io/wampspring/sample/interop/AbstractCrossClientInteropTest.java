package io.wampspring.sample.interop;

import static io.wampspring.sample.interop.Values.MAX_SAFE;
import static io.wampspring.sample.interop.Values.allByteValues;
import static io.wampspring.sample.interop.Values.listOf;
import static io.wampspring.sample.interop.Values.mapOf;
import static io.wampspring.sample.interop.Values.normalize;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.wampspring.router.client.WampException;
import io.wampspring.sample.interop.Values.Bytes;
import io.wampspring.spring.core.CallOptions;
import io.wampspring.spring.core.PublishOptions;
import io.wampspring.spring.core.WampResult;
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
 * The sample app on a random port of 127.0.0.1, a third-party JavaScript client in a node process ({@link #library()}
 * with {@link #serializer()}) and an autobahn-java session (with {@link #javaSerializer()}, a different serializer,
 * so the router translates between the two). Each test makes the clients call, register, publish and subscribe
 * across each other, the sample's annotated beans and {@link WampTemplate}, and checks what arrived, value by value.
 */
@ActiveProfiles("interop")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(InteropTestBeans.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractCrossClientInteropTest {

    static final String REALM = "realm1";
    static final String ORDER_CREATED = "com.shop.order.created";
    static final String INVENTORY_UPDATED = "com.shop.inventory.updated";
    static final String INVALID_ORDER = "com.shop.error.invalid_order";
    static final Duration WAIT = Duration.ofSeconds(15);

    @LocalServerPort
    int port;

    @Autowired
    WampTemplate wamp;

    NodeWampClient node;
    AutobahnJavaClient java;
    private final AtomicInteger uris = new AtomicInteger();

    /** "autobahn" (autobahn-js) or "wampy". */
    abstract String library();

    /** The JavaScript client's serializer: "json", "msgpack" or "cbor". */
    abstract String serializer();

    /** autobahn-java's serializer in the same test, another one than {@link #serializer()}. */
    abstract String javaSerializer();

    String url() {
        return "ws://127.0.0.1:" + port + "/ws";
    }

    @BeforeAll
    void connectClients() throws Exception {
        startNode();
        startJava();
    }

    /** A test that broke a client's connection (a failing one may) does not take the tests after it down too. */
    @BeforeEach
    void reconnectBrokenClients() throws Exception {
        if (!node.isOpen()) {
            node.close();
            startNode();
        }
        if (!java.isOpen()) {
            java.close();
            startJava();
        }
    }

    private void startNode() throws Exception {
        node = NodeWampClient.start(library());
        node.connect(url(), REALM, serializer());
        assertThat(node.protocol()).as("subprotocol chosen for %s", library()).isEqualTo("wamp.2." + serializer());
        for (String topic : List.of(ORDER_CREATED, INVENTORY_UPDATED, InteropTestBeans.EVENT_TOPIC)) {
            node.subscribe(topic);
        }
    }

    private void startJava() throws Exception {
        java = AutobahnJavaClient.connect(url(), REALM, javaSerializer());
        assertThat(java.protocol()).as("subprotocol chosen for autobahn-java").isEqualTo("wamp.2." + javaSerializer());
        for (String topic : List.of(ORDER_CREATED, INVENTORY_UPDATED, InteropTestBeans.EVENT_TOPIC)) {
            java.subscribe(topic);
        }
    }

    @AfterAll
    void closeClients() {
        try {
            if (node != null) {
                node.close();
            }
        }
        finally {
            if (java != null) {
                java.close();
            }
        }
    }

    /** A URI of its own for each use: interop.<library>.<serializer>.<name>_<n>. */
    String uri(String name) {
        return "interop." + library() + "." + serializer() + "." + name + "_" + uris.incrementAndGet();
    }

    static String token() {
        return UUID.randomUUID().toString();
    }

    /** Positional values of every kind a serializer must carry: integers up to 2^53, floats, text, null, binary. */
    static List<Object> sampleArgs() {
        return listOf(42, -7, MAX_SAFE, 1.5, "héllo wörld ✓ 😀", true, null, listOf(1, "two", mapOf("three", 3)),
                allByteValues());
    }

    static Map<String, Object> sampleKwargs(String token) {
        return mapOf("token", token, "text", "ünïcödé \"quoted\" \\ back", "bin", new byte[] {0, 1, 2, (byte) 0xFF},
                "nested", mapOf("list", listOf(false, -0.25, mapOf()), "negative", -MAX_SAFE), "none", null,
                "emptyList", listOf(), "emptyText", "");
    }

    // ------------------------------------------------------------------------------------------------------------
    // RPC across the two clients

    @Test
    void nodeCalleeAnswersAutobahnJava() {
        String procedure = uri("node_echo");
        node.registerEcho(procedure);
        String token = token();

        WampReply reply = java.call(procedure, sampleArgs(), sampleKwargs(token));

        assertThat(reply).isEqualTo(WampReply.result(sampleArgs(), sampleKwargs(token)));
        NodeWampClient.Received invocation = node.invocations(procedure, 1).get(0);
        assertThat(invocation.args()).isEqualTo(normalize(sampleArgs()));
        assertThat(invocation.kwargs()).isEqualTo(normalize(sampleKwargs(token)));
    }

    @Test
    void autobahnJavaCalleeAnswersNode() {
        String procedure = uri("java_echo");
        java.registerEcho(procedure);
        String token = token();

        WampReply reply = node.call(procedure, sampleArgs(), sampleKwargs(token));

        assertThat(reply).isEqualTo(WampReply.result(sampleArgs(), sampleKwargs(token)));
        assertThat(java.invocations(procedure)).singleElement().satisfies(invocation -> {
            assertThat(invocation.args()).isEqualTo(normalize(sampleArgs()));
            assertThat(invocation.kwargs()).isEqualTo(normalize(sampleKwargs(token)));
        });
    }

    @Test
    void applicationErrorsPassThroughUnchangedBothWays() {
        String nodeFailing = uri("node_fail");
        List<Object> nodeErrorArgs = listOf("the node callee says no", 7, new byte[] {9, 8, 7});
        Map<String, Object> nodeErrorKwargs = mapOf("reason", "because", "code", 409, "nested", mapOf("retry", false));
        node.registerFailing(nodeFailing, "com.example.error.node_failed", nodeErrorArgs, nodeErrorKwargs);
        String javaFailing = uri("java_fail");
        List<Object> javaErrorArgs = listOf("the java callee says no", MAX_SAFE);
        Map<String, Object> javaErrorKwargs = mapOf("field", "quantity", "bin", allByteValues(), "none", null);
        java.registerFailing(javaFailing, "com.example.error.java_failed", javaErrorArgs, javaErrorKwargs);

        assertThat(java.call(nodeFailing, listOf("please"), mapOf("x", 1)))
                .isEqualTo(WampReply.error("com.example.error.node_failed", nodeErrorArgs, nodeErrorKwargs));
        assertThat(node.call(javaFailing, listOf("please"), mapOf("x", 1)))
                .isEqualTo(WampReply.error("com.example.error.java_failed", javaErrorArgs, javaErrorKwargs));
        // each callee got the call it failed
        assertThat(node.invocations(nodeFailing, 1).get(0).args()).isEqualTo(normalize(listOf("please")));
        assertThat(java.invocations(javaFailing)).singleElement()
                .satisfies(invocation -> assertThat(invocation.kwargs()).isEqualTo(normalize(mapOf("x", 1))));
    }

    // ------------------------------------------------------------------------------------------------------------
    // PubSub across the two clients and the annotated subscriber

    @Test
    void nodePublicationReachesAutobahnJavaAndAnnotatedSubscriber() {
        String token = token();
        List<Object> args = listOf(token, "published by " + library(), allByteValues());
        Map<String, Object> kwargs = mapOf("token", token, "bin", new byte[] {0, 0, 1}, "big", MAX_SAFE);

        node.publish(InteropTestBeans.EVENT_TOPIC, args, kwargs);

        AutobahnJavaClient.Received event = await().atMost(WAIT).until(
                () -> java.events(InteropTestBeans.EVENT_TOPIC).stream()
                        .filter(received -> token.equals(received.kwargs().get("token"))).findFirst().orElse(null),
                received -> received != null);
        assertThat(event.args()).isEqualTo(normalize(args));
        assertThat(event.kwargs()).isEqualTo(normalize(kwargs));
        assertAnnotatedSubscriberReceived(java::call, token, args, kwargs);
    }

    @Test
    void autobahnJavaPublicationReachesNodeAndAnnotatedSubscriber() {
        String token = token();
        List<Object> args = listOf(token, "published by autobahn-java", allByteValues());
        Map<String, Object> kwargs = mapOf("token", token, "bin", new byte[] {(byte) 0xFE, 0}, "small", -1);

        long publication = java.publish(InteropTestBeans.EVENT_TOPIC, args, kwargs);

        NodeWampClient.Received event = node.events(InteropTestBeans.EVENT_TOPIC, token, 1).get(0);
        assertThat(event.args()).isEqualTo(normalize(args));
        assertThat(event.kwargs()).isEqualTo(normalize(kwargs));
        assertThat(publication).isPositive();
        assertAnnotatedSubscriberReceived(node::call, token, args, kwargs);
    }

    interface Caller {
        WampReply call(String procedure, List<?> args, Map<String, ?> kwargs);
    }

    /** Reads the annotated subscriber's log back by RPC (through the given client) until the event is there. */
    private static void assertAnnotatedSubscriberReceived(Caller caller, String token, List<Object> args,
            Map<String, Object> kwargs) {
        await().atMost(WAIT).untilAsserted(() -> {
            WampReply received = caller.call("test.events.received", listOf(token), null);
            assertThat(received.isError()).as("test.events.received: %s", received).isFalse();
            assertThat(received.first()).asInstanceOf(LIST).singleElement().asInstanceOf(MAP).satisfies(event -> {
                assertThat(event.get("args")).isEqualTo(normalize(args));
                assertThat(event.get("kwargs")).isEqualTo(normalize(kwargs));
            });
        });
    }

    // ------------------------------------------------------------------------------------------------------------
    // the sample's annotated beans

    @Test
    @SuppressWarnings("unchecked")
    void bothClientsCallAnnotatedProceduresAndHearTheEventsTheyPublish() {
        Map<String, Object> statsBefore = (Map<String, Object>) node.call("com.shop.analytics.stats", null, null)
                .first();
        Map<String, Object> stockBefore = (Map<String, Object>) java.call("com.shop.inventory.stock", null, null)
                .first();

        assertThat(node.call("com.example.add2", listOf(20, 22), null)).isEqualTo(WampReply.result(listOf(42), null));
        assertThat(java.call("com.example.add2", listOf(-5, 3), null)).isEqualTo(WampReply.result(listOf(-2), null));

        WampReply nodeOrder = node.call("com.shop.order.create", listOf(), mapOf("item", "book", "quantity", 2));
        WampReply javaOrder = java.call("com.shop.order.create", null, mapOf("item", "mug", "quantity", 1));
        String nodeOrderId = assertOrder(nodeOrder, "book", 2);
        String javaOrderId = assertOrder(javaOrder, "mug", 1);

        // the order events, published by OrderService through WampTemplate, reach both clients
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(orderIds(node.events(ORDER_CREATED, 0).stream().map(NodeWampClient.Received::args).toList()))
                    .contains(nodeOrderId, javaOrderId);
            assertThat(orderIds(java.events(ORDER_CREATED).stream().map(AutobahnJavaClient.Received::args).toList()))
                    .contains(nodeOrderId, javaOrderId);
        });
        // Inventory reserves in a @WampTopic method and publishes the new stock through WampTemplate
        Map<String, Object> bookUpdate = mapOf("item", "book", "stock", (Long) stockBefore.get("book") - 2);
        Map<String, Object> mugUpdate = mapOf("item", "mug", "stock", (Long) stockBefore.get("mug") - 1);
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(node.events(INVENTORY_UPDATED, 0).stream().map(event -> event.args().get(0)))
                    .contains(bookUpdate, mugUpdate);
            assertThat(java.events(INVENTORY_UPDATED).stream().map(event -> event.args().get(0)))
                    .contains(bookUpdate, mugUpdate);
        });
        // the other annotated subscribers saw both orders
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat((List<Object>) java.call("com.shop.email.sent", null, null).first())
                    .contains("Order " + nodeOrderId + ": 2 x book", "Order " + javaOrderId + ": 1 x mug");
            assertThat((Map<String, Object>) node.call("com.shop.analytics.stats", null, null).first())
                    .isEqualTo(mapOf("orders", (Long) statsBefore.get("orders") + 2,
                            "items", (Long) statsBefore.get("items") + 3));
        });

        // the sample keeps the last orders (wamp.pubsub.event-history in its application.yml): the history of the
        // order subscription has both, whoever asks
        Object orderSubscription = node.call("wamp.subscription.lookup", listOf(ORDER_CREATED), null).first();
        assertThat(orderSubscription).isNotNull();
        List<List<Object>> kept = java.call("wamp.subscription.get_events", listOf(orderSubscription), null).args()
                .stream().map(event -> (List<Object>) ((Map<String, Object>) event).get("args")).toList();
        assertThat(orderIds(kept)).contains(nodeOrderId, javaOrderId);
        // and the stock level is retained: a subscription that asks for it gets the latest one at once
        assertThat(node.subscribe("stock", INVENTORY_UPDATED, mapOf("get_retained", true)).error()).isNull();
        NodeWampClient.Event retained = node.eventsOf("stock", 1).get(0);
        List<NodeWampClient.Received> live = node.events(INVENTORY_UPDATED, 0);
        assertThat(retained.details()).containsEntry("retained", true);
        assertThat(retained.args()).isEqualTo(live.get(live.size() - 1).args());

        // an invalid order is refused with the application error, args and kwargs the bean threw
        assertThat(node.call("com.shop.order.create", listOf(), mapOf("item", "book", "quantity", 0)))
                .isEqualTo(WampReply.error(INVALID_ORDER, listOf("quantity must be between 1 and 100"),
                        mapOf("field", "quantity")));
        assertThat(java.call("com.shop.order.create", null, mapOf("item", "spaceship", "quantity", 1)))
                .isEqualTo(WampReply.error(INVALID_ORDER, listOf("unknown item 'spaceship'"), mapOf("field", "item")));
    }

    @SuppressWarnings("unchecked")
    private static String assertOrder(WampReply reply, String item, long quantity) {
        assertThat(reply.isError()).as("order.create answered %s", reply).isFalse();
        Map<String, Object> order = (Map<String, Object>) reply.first();
        assertThat(order).containsEntry("item", item).containsEntry("quantity", quantity)
                .containsKeys("orderId", "createdAt");
        assertThat(order.get("orderId")).asString().isNotBlank();
        return (String) order.get("orderId");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> orderIds(List<List<Object>> eventArgs) {
        return eventArgs.stream().map(args -> ((Map<String, Object>) args.get(0)).get("orderId")).toList();
    }

    // ------------------------------------------------------------------------------------------------------------
    // WampTemplate with remote clients

    @Test
    void wampTemplateCallsProceduresRegisteredByBothClients() throws Exception {
        String nodeEcho = uri("node_echo");
        node.registerEcho(nodeEcho);
        String javaEcho = uri("java_echo");
        java.registerEcho(javaEcho);
        String nodeFailing = uri("node_fail");
        List<Object> errorArgs = listOf("refused", new byte[] {1, 2, 3});
        Map<String, Object> errorKwargs = mapOf("code", 42, "why", "test");
        node.registerFailing(nodeFailing, "com.example.error.refused", errorArgs, errorKwargs);
        String token = token();
        List<Object> args = listOf("through WampTemplate", MAX_SAFE, allByteValues());
        Map<String, Object> kwargs = mapOf("token", token, "bin", new byte[] {0, (byte) 0x80});

        for (String echo : List.of(nodeEcho, javaEcho)) {
            WampResult result = wamp.call(echo, args, kwargs, CallOptions.DEFAULTS).get(30, TimeUnit.SECONDS);
            assertThat(normalize(result.args())).as("args from %s", echo).isEqualTo(normalize(args));
            assertThat(normalize(result.kwargs())).as("kwargs from %s", echo).isEqualTo(normalize(kwargs));
        }
        assertThatThrownBy(() -> wamp.call(nodeFailing, listOf(), null, CallOptions.DEFAULTS).get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOfSatisfying(WampException.class, error -> {
                    assertThat(error.uri()).isEqualTo("com.example.error.refused");
                    assertThat(normalize(error.args())).isEqualTo(normalize(errorArgs));
                    assertThat(normalize(error.kwargs())).isEqualTo(normalize(errorKwargs));
                });

        // an annotated procedure that calls a remote one through WampTemplate, called by the other client
        assertThat(java.call("test.remote.call", listOf(nodeEcho, args, kwargs), null))
                .isEqualTo(WampReply.result(args, kwargs));
        assertThat(node.call("test.remote.call", listOf(javaEcho, args, kwargs), null))
                .isEqualTo(WampReply.result(args, kwargs));
        assertThat(java.call("test.remote.call", listOf(nodeFailing, listOf(), mapOf()), null))
                .isEqualTo(WampReply.error("com.example.error.refused", errorArgs, errorKwargs));
    }

    @Test
    void wampTemplatePublicationReachesBothClients() throws Exception {
        String topic = uri("template_topic");
        node.subscribe(topic);
        java.subscribe(topic);
        String token = token();
        List<Object> args = listOf(token, allByteValues());
        Map<String, Object> kwargs = mapOf("token", token, "bin", new byte[] {7}, "max", MAX_SAFE);

        Long publication = wamp.publish(topic, args, kwargs, PublishOptions.DEFAULTS.withAcknowledge(true))
                .get(30, TimeUnit.SECONDS);

        assertThat(publication).isNotNull().isPositive();
        NodeWampClient.Received nodeEvent = node.events(topic, token, 1).get(0);
        assertThat(nodeEvent.args()).isEqualTo(normalize(args));
        assertThat(nodeEvent.kwargs()).isEqualTo(normalize(kwargs));
        AutobahnJavaClient.Received javaEvent = await().atMost(WAIT)
                .until(() -> java.events(topic).stream().findFirst().orElse(null), received -> received != null);
        assertThat(javaEvent.args()).isEqualTo(normalize(args));
        assertThat(javaEvent.kwargs()).isEqualTo(normalize(kwargs));
        assertThat(javaEvent.publication()).isEqualTo(publication);
    }

    // ------------------------------------------------------------------------------------------------------------
    // binary, large and empty payloads

    @Test
    void binaryArgumentBindsToByteArrayAndComesBackFromEachClient() {
        byte[] data = allByteValues();
        WampReply expected = WampReply.result(listOf(Values.reversed(data)),
                mapOf("length", data.length, "sha256", Values.sha256(data)));

        assertThat(node.call("test.bytes.inspect", listOf(data), null)).as(library()).isEqualTo(expected);
        assertThat(java.call("test.bytes.inspect", listOf(data), null)).as("autobahn-java").isEqualTo(expected);
    }

    @Test
    void oneMebibyteArgumentsTravelEveryWay() {
        byte[] big = Values.randomBytes(1 << 20, 20260101L);
        String bigText = "0123456789abcdef".repeat((1 << 20) / 16);
        String nodeEcho = uri("node_echo");
        node.registerEcho(nodeEcho);
        String javaEcho = uri("java_echo");
        java.registerEcho(javaEcho);

        assertBigEcho(node.call("test.echo", listOf(big, bigText), null), big, bigText, library() + " -> test.echo");
        assertBigEcho(node.call(javaEcho, listOf(big, bigText), null), big, bigText, library() + " -> autobahn-java");
        assertBigEcho(java.call(nodeEcho, listOf(big, bigText), null), big, bigText, "autobahn-java -> " + library());
        assertBigEcho(java.call("test.echo", listOf(big, bigText), null), big, bigText, "autobahn-java -> test.echo");
    }

    private static void assertBigEcho(WampReply reply, byte[] big, String bigText, String route) {
        assertThat(reply.isError()).as("%s answered %s", route, reply.error()).isFalse();
        assertThat(reply.args()).as(route).hasSize(2);
        assertThat(reply.args().get(0)).as(route).isEqualTo(Bytes.of(big));
        assertThat(reply.args().get(1)).as(route).isInstanceOf(String.class);
        String text = (String) reply.args().get(1);
        assertThat(text.length()).as(route).isEqualTo(bigText.length());
        assertThat(Values.sha256(text)).as(route).isEqualTo(Values.sha256(bigText));
    }

    /**
     * CALLs without Arguments (with MessagePack: [48, id, {}, uri], nothing after the URI) reach annotated and
     * remote callees, and the dealer adds no empty Arguments or ArgumentsKw on the way.
     */
    @Test
    @SuppressWarnings("unchecked")
    void callsWithoutArgumentsArriveWithoutArguments() {
        WampReply stats = node.call("com.shop.analytics.stats", null, null);
        assertThat(stats.isError()).as("stats answered %s", stats).isFalse();
        assertThat((Map<String, Object>) stats.first()).containsKeys("orders", "items");
        assertThat(node.call("test.echo", null, null)).isEqualTo(WampReply.result(null, null));
        WampReply stock = java.call("com.shop.inventory.stock", null, null);
        assertThat(stock.isError()).as("stock answered %s", stock).isFalse();
        assertThat((Map<String, Object>) stock.first()).containsKeys("book", "pen", "mug");

        String javaEcho = uri("java_echo");
        java.registerEcho(javaEcho);
        assertThat(node.call(javaEcho, null, null)).isEqualTo(WampReply.result(null, null));
        assertThat(java.invocations(javaEcho)).singleElement().satisfies(invocation -> {
            assertThat(invocation.rawArgs()).as("INVOCATION.Arguments").isNull();
            assertThat(invocation.rawKwargs()).as("INVOCATION.ArgumentsKw").isNull();
        });

        // a callee that answers with something: autobahn-java 20.6.1 drops a RESULT without Arguments (it wants
        // at least 4 elements), so an echo of nothing could not be checked from autobahn-java
        String nodeConstant = uri("node_constant");
        node.registerConstant(nodeConstant, listOf("constant"), mapOf("empty", true));
        assertThat(java.call(nodeConstant, null, null))
                .isEqualTo(WampReply.result(listOf("constant"), mapOf("empty", true)));
        assertThat(node.invocations(nodeConstant, 1)).singleElement().satisfies(invocation -> {
            assertThat(invocation.args()).isEmpty();
            assertThat(invocation.kwargs()).isEmpty();
        });
    }

    /**
     * Text longer than one CBOR chunk of the router's encoder (3996 characters) and than five of them (node-cbor
     * keeps at most five chunks of an indefinite-length string) arrives whole through every path.
     */
    @Test
    void longTextArrivesWhole() {
        String text = "0123456789abcdef".repeat(2000);
        String nodeEcho = uri("node_echo");
        node.registerEcho(nodeEcho);
        String javaEcho = uri("java_echo");
        java.registerEcho(javaEcho);

        assertTextEcho(node.call("test.echo", listOf(text), null), text, library() + " -> test.echo");
        assertTextEcho(java.call(nodeEcho, listOf(text), null), text, "autobahn-java -> " + library());
        assertTextEcho(node.call(javaEcho, listOf(text), null), text, library() + " -> autobahn-java");
    }

    private static void assertTextEcho(WampReply reply, String text, String route) {
        assertThat(reply.isError()).as("%s answered %s", route, reply.error()).isFalse();
        assertThat(reply.args()).as(route).hasSize(1).first().isInstanceOf(String.class);
        String echoed = (String) reply.args().get(0);
        assertThat(echoed.length()).as("%s: length of the text that came back", route).isEqualTo(text.length());
        assertThat(echoed).as(route).isEqualTo(text);
    }

    /** Between Java peers (autobahn-java, WampTemplate) integers up to 2^53 stay integers, exactly. */
    @Test
    void integersUpToTwoPow53StayExactIntegersBetweenJavaPeers() throws Exception {
        List<Object> integers = listOf(MAX_SAFE, -MAX_SAFE, MAX_SAFE - 1, 4294967296L, 42, 0);
        String javaEcho = uri("java_echo");
        java.registerEcho(javaEcho);

        WampResult viaTemplate = wamp.call(javaEcho, integers, null, CallOptions.DEFAULTS).get(30, TimeUnit.SECONDS);
        List<Object> viaAutobahnJava = java.callRawArgs("test.echo", integers);

        for (List<Object> received : List.of(viaTemplate.args(), viaAutobahnJava)) {
            assertThat(received).hasSize(integers.size()).allSatisfy(
                    value -> assertThat(value).isInstanceOfAny(Integer.class, Long.class, java.math.BigInteger.class));
            assertThat(received.stream().map(value -> ((Number) value).longValue()).toList())
                    .isEqualTo(integers.stream().map(value -> ((Number) value).longValue()).toList());
        }
    }

}
