package io.wampspring.spring.observation;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import io.wampspring.router.WampRouter;
import io.wampspring.router.message.ErrorMessage;
import io.wampspring.router.message.Event;
import io.wampspring.router.message.Hello;
import io.wampspring.spring.core.PublishOptions;
import io.wampspring.spring.core.WampTemplate;
import io.wampspring.spring.invocation.WampEndpointRegistrar;
import io.wampspring.spring.invocation.WampTopicEndpoint;
import io.wampspring.spring.it.TestWampClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The router's meters, read from a real {@link SimpleMeterRegistry} after real traffic of WebSocket clients and
 * annotated beans, and the observations of annotated methods, read from a {@link TestObservationRegistry}. The
 * counters live as long as the application, so each test compares them before and after its own traffic.
 */
@SpringBootTest(classes = MetricsIntegrationTests.MetricsApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1", "wamp.send-buffer.max-size=64KB",
                "wamp.send-buffer.overflow-policy=drop-events", "wamp.local.event-backlog=2"})
class MetricsIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Set<String> LOW_CARDINALITY_KEYS = Set.of("realm", "type", "transport", "serializer",
            "outcome", "error", "reason", "action", "authmethod", "procedure", "topic", "error.uri", "exception");

    @SpringBootConfiguration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import(MetricsEndpoints.class)
    static class MetricsApplication {

        @Bean
        SimpleMeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

        @Bean
        TestObservationRegistry observationRegistry() {
            return TestObservationRegistry.create();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    SimpleMeterRegistry meters;

    @Autowired
    TestObservationRegistry observations;

    @Autowired
    WampRouter router;

    @Autowired
    WampTemplate template;

    @Autowired
    MetricsEndpoints endpoints;

    @Autowired
    WampEndpointRegistrar registrar;

    private final List<TestWampClient> clients = new ArrayList<>();
    private final List<Long> sessionIds = new ArrayList<>();

    @AfterEach
    void closeClients() {
        clients.forEach(TestWampClient::close);
    }

    private TestWampClient connect(String serializer) {
        TestWampClient client = TestWampClient.connect(URI.create("ws://127.0.0.1:" + port + "/ws"), serializer);
        clients.add(client);
        return client;
    }

    private TestWampClient join(String serializer) {
        TestWampClient client = connect(serializer);
        sessionIds.add(client.hello("realm1").session());
        return client;
    }

    private double count(String name, String... tags) {
        Counter counter = meters.find(name).tags(tags).counter();
        return counter != null ? counter.count() : 0;
    }

    private long timed(String... tags) {
        Timer timer = meters.find("wamp.calls").tags(tags).timer();
        return timer != null ? timer.count() : 0;
    }

    private double gauge(String name) {
        Gauge gauge = meters.find(name).tag("realm", "realm1").gauge();
        assertThat(gauge).as(name).isNotNull();
        return gauge.value();
    }

    @Test
    void callsAreTimedByOutcomeWithTheirErrorUriAndMessagesCountedByType() {
        TestWampClient caller = join("cbor");
        long successes = timed("realm", "realm1", "outcome", "success", "error", "none");
        long refused = timed("realm", "realm1", "outcome", "error", "error", "test.error.refused");
        long missing = timed("realm", "realm1", "outcome", "error", "error", "wamp.error.no_such_procedure");
        double callsIn = count("wamp.messages.received", "type", "call", "transport", "websocket",
                "serializer", "cbor", "realm", "realm1");
        double resultsOut = count("wamp.messages.sent", "type", "result", "transport", "websocket",
                "serializer", "cbor", "realm", "realm1");

        for (int i = 0; i < 5; i++) {
            assertThat(caller.callForValue("test.metrics.add", i, 1)).isEqualTo(i + 1L);
        }
        for (int i = 0; i < 2; i++) {
            ErrorMessage error = caller.callForError("test.metrics.refuse", null, null);
            assertThat(error.error()).isEqualTo("test.error.refused");
        }
        assertThat(caller.callForError("test.metrics.missing", null, null).error())
                .isEqualTo("wamp.error.no_such_procedure");

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(timed("realm", "realm1", "outcome", "success", "error", "none")).isEqualTo(successes + 5);
            assertThat(timed("realm", "realm1", "outcome", "error", "error", "test.error.refused"))
                    .isEqualTo(refused + 2);
            assertThat(timed("realm", "realm1", "outcome", "error", "error", "wamp.error.no_such_procedure"))
                    .isEqualTo(missing + 1);
        });
        Timer timer = meters.find("wamp.calls").tags("outcome", "success").timer();
        assertThat(timer.totalTime(TimeUnit.NANOSECONDS)).isPositive();
        assertThat(count("wamp.messages.received", "type", "call", "transport", "websocket", "serializer", "cbor",
                "realm", "realm1")).isEqualTo(callsIn + 8);
        assertThat(count("wamp.messages.sent", "type", "result", "transport", "websocket", "serializer", "cbor",
                "realm", "realm1")).isEqualTo(resultsOut + 5);
        // the annotated beans' in-process session is counted as well: it was sent an INVOCATION for each call
        assertThat(count("wamp.messages.sent", "type", "invocation", "transport", "local", "serializer", "none",
                "realm", "realm1")).isGreaterThanOrEqualTo(7);
    }

    @Test
    void eventsPublishedAndDeliveredFollowThePublications() {
        TestWampClient subscriber = join("json");
        BlockingQueue<Event> events = subscriber.subscribe("test.metrics.topic");
        TestWampClient publisher = join("json");
        double published = count("wamp.events.published", "realm", "realm1");
        double delivered = count("wamp.events.delivered", "realm", "realm1");
        int before = endpoints.received.size();

        for (int i = 1; i <= 4; i++) {
            publisher.publishAcknowledged("test.metrics.topic", List.of("event " + i), null);
            TestWampClient.poll(events, "event " + i);
            int expected = before + i;
            // one at a time: the annotated subscriber's backlog of 2 must not drop any of these
            await().atMost(WAIT).until(() -> endpoints.received.size() == expected);
        }

        // each publication reached the remote subscriber and the annotated one
        assertThat(count("wamp.events.published", "realm", "realm1")).isEqualTo(published + 4);
        assertThat(count("wamp.events.delivered", "realm", "realm1")).isEqualTo(delivered + 8);
    }

    @Test
    void eventsDroppedForAFullSendBufferAreCountedWithTheSlowConsumerAction() throws Exception {
        TestWampClient slow = join("msgpack");
        slow.subscribe("test.metrics.flood");
        slow.pauseReading();
        double dropped = count("wamp.events.dropped", "realm", "realm1", "reason", "send_buffer");
        double actions = count("wamp.slow.consumer.actions", "realm", "realm1", "action", "drop_events",
                "transport", "websocket", "serializer", "msgpack");

        byte[] payload = new byte[48 * 1024];
        // events are dropped whenever the publisher outruns the writer, that is while a frame waits in the send
        // buffer: the gauge of queued bytes, read as it happens, sees it waiting
        int droppedInARow = 0;
        double mostQueued = 0;
        for (int i = 0; i < 2000 && (droppedInARow < 20 || mostQueued == 0); i++) {
            double before = count("wamp.events.dropped", "realm", "realm1", "reason", "send_buffer");
            template.publish("test.metrics.flood", List.of(i, payload), null, PublishOptions.DEFAULTS)
                    .get(20, TimeUnit.SECONDS);
            mostQueued = Math.max(mostQueued, gauge("wamp.send.buffer.queued"));
            boolean droppedThisOne = count("wamp.events.dropped", "realm", "realm1", "reason", "send_buffer")
                    == before + 1;
            droppedInARow = droppedThisOne ? droppedInARow + 1 : 0;
        }
        assertThat(droppedInARow).as("events dropped in a row for the stalled subscriber").isEqualTo(20);
        // one frame of about 48 KiB waits behind the one being written; the next would exceed the 64 KiB
        assertThat(mostQueued).isGreaterThan(48 * 1024).isLessThanOrEqualTo(64 * 1024);

        assertThat(count("wamp.events.dropped", "realm", "realm1", "reason", "send_buffer")).isGreaterThan(dropped);
        assertThat(count("wamp.slow.consumer.actions", "realm", "realm1", "action", "drop_events",
                "transport", "websocket", "serializer", "msgpack")).isEqualTo(actions + 1);
        assertThat(meters.find("wamp.send.buffer.queued").gauge().getId().getBaseUnit()).isEqualTo("bytes");
        slow.close();
        await().atMost(WAIT).untilAsserted(() -> assertThat(gauge("wamp.send.buffer.queued")).isZero());
    }

    @Test
    void eventsDroppedForAnAnnotatedSubscribersBacklogAreCounted() {
        WampTopicEndpoint slowEndpoint = registrar.topicEndpoints().stream()
                .filter(endpoint -> endpoint.topic().equals("test.metrics.slow")).findFirst().orElseThrow();
        TestWampClient publisher = join("json");
        double dropped = count("wamp.events.dropped", "realm", "realm1", "reason", "backlog");

        for (int i = 0; i < 10; i++) {
            publisher.publishAcknowledged("test.metrics.slow", List.of("event " + i), null);
        }

        // the handler holds one event and has 2 waiting: the other 7 are dropped for it
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(slowEndpoint.droppedEvents()).isEqualTo(7);
            assertThat(count("wamp.events.dropped", "realm", "realm1", "reason", "backlog")).isEqualTo(dropped + 7);
        });
        endpoints.releaseSlow.countDown();
    }

    @Test
    void theSessionsGaugeFollowsJoinsAndLeaves() {
        double before = gauge("wamp.sessions");
        assertThat(before).isEqualTo(router.realm("realm1").sessions().size());

        TestWampClient client = join("json");
        // the join counts before WELCOME goes out; the await is for sessions of earlier tests that may still be leaving
        await().atMost(WAIT).untilAsserted(() -> assertThat(gauge("wamp.sessions")).isEqualTo(before + 1));
        client.close();

        await().atMost(WAIT).untilAsserted(() -> assertThat(gauge("wamp.sessions")).isEqualTo(before));
    }

    @Test
    void protocolViolationsAreCounted() {
        TestWampClient violator = join("json");
        double violations = count("wamp.protocol.violations", "realm", "realm1", "transport", "websocket",
                "serializer", "json");

        violator.send(new Hello("realm1", TestWampClient.helloDetails()));

        assertThat(violator.nextAbort().reason()).isEqualTo("wamp.error.protocol_violation");
        await().atMost(WAIT).untilAsserted(() -> assertThat(count("wamp.protocol.violations", "realm", "realm1",
                "transport", "websocket", "serializer", "json")).isEqualTo(violations + 1));
    }

    @Test
    void noMeterIsTaggedWithASessionId() {
        TestWampClient client = join("json");
        client.subscribe("test.metrics.topic");
        join("cbor").publishAcknowledged("test.metrics.topic", List.of("tagged"), null);
        assertThat(client.callForValue("test.metrics.add", 1, 1)).isEqualTo(2L);
        client.callForError("test.metrics.refuse", null, null);
        await().atMost(WAIT).until(() -> meters.find("wamp.calls").timers().size() >= 2);

        List<Meter> wampMeters = meters.getMeters().stream()
                .filter(meter -> meter.getId().getName().startsWith("wamp.")).toList();
        assertThat(wampMeters).extracting(meter -> meter.getId().getName()).contains("wamp.sessions",
                "wamp.send.buffer.queued", "wamp.messages.received", "wamp.messages.sent", "wamp.calls",
                "wamp.events.published", "wamp.events.delivered");
        Set<String> ids = sessionIds.stream().map(String::valueOf).collect(java.util.stream.Collectors.toSet());
        for (Meter meter : wampMeters) {
            for (Tag tag : meter.getId().getTags()) {
                assertThat(tag.getKey()).as(meter.getId().toString()).isIn(LOW_CARDINALITY_KEYS);
                assertThat(tag.getValue()).as(meter.getId().toString()).isNotIn(ids).doesNotMatch("\\d{6,}");
            }
        }
    }

    @Test
    void annotatedProcedureCallsAreObserved() {
        TestWampClient caller = join("json");

        assertThat(caller.callForValue("test.metrics.add", 2, 3)).isEqualTo(5L);
        assertThat(caller.callForError("test.metrics.refuse", null, null).error()).isEqualTo("test.error.refused");

        await().atMost(WAIT).untilAsserted(() -> TestObservationRegistryAssert.assertThat(observations)
                .hasAnObservation(observation -> observation.hasNameEqualTo("wamp.procedure.invocations")
                        .hasContextualNameEqualTo("invoke test.metrics.add")
                        .hasLowCardinalityKeyValue("realm", "realm1")
                        .hasLowCardinalityKeyValue("procedure", "test.metrics.add")
                        .hasLowCardinalityKeyValue("outcome", "success")
                        .hasLowCardinalityKeyValue("error.uri", "none"))
                .hasAnObservation(observation -> observation.hasNameEqualTo("wamp.procedure.invocations")
                        .hasLowCardinalityKeyValue("procedure", "test.metrics.refuse")
                        .hasLowCardinalityKeyValue("outcome", "error")
                        .hasLowCardinalityKeyValue("error.uri", "test.error.refused")
                        .hasError()));
        // Spring Boot's observation handlers make a timer of each observation as well
        await().atMost(WAIT).untilAsserted(() -> assertThat(meters.find("wamp.procedure.invocations")
                .tags("procedure", "test.metrics.add", "outcome", "success").timer()).isNotNull());
    }

    @Test
    void annotatedEventHandlingIsObserved() {
        TestWampClient publisher = join("json");

        publisher.publishAcknowledged("test.metrics.topic", List.of("observed"), null);
        publisher.publishAcknowledged("test.metrics.failing", List.of("observed"), null);

        await().atMost(WAIT).untilAsserted(() -> TestObservationRegistryAssert.assertThat(observations)
                .hasAnObservation(observation -> observation.hasNameEqualTo("wamp.topic.events")
                        .hasContextualNameEqualTo("event test.metrics.topic")
                        .hasLowCardinalityKeyValue("realm", "realm1")
                        .hasLowCardinalityKeyValue("topic", "test.metrics.topic")
                        .hasLowCardinalityKeyValue("outcome", "success")
                        .hasLowCardinalityKeyValue("exception", "none"))
                .hasAnObservation(observation -> observation.hasNameEqualTo("wamp.topic.events")
                        .hasLowCardinalityKeyValue("topic", "test.metrics.failing")
                        .hasLowCardinalityKeyValue("outcome", "error")
                        .hasLowCardinalityKeyValue("exception", "IllegalStateException")
                        .hasError()));
    }
}
