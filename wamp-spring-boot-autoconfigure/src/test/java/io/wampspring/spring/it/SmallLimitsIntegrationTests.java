package io.wampspring.spring.it;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import io.wampspring.router.WampRouter;
import io.wampspring.router.message.Abort;
import io.wampspring.router.message.Event;
import io.wampspring.spring.core.PublishOptions;
import io.wampspring.spring.core.WampTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With a small {@code wamp.max-message-size}, a larger message ends its session with ABORT
 * {@code wamp.error.payload_size_exceeded} and a close, whether it arrives in one part or in many; the router goes on
 * serving everyone else. With a small {@code wamp.send-buffer.max-size}, a subscriber that stops reading is
 * disconnected without holding up the publisher or the other subscribers.
 */
@SpringBootTest(classes = WampTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1", "wamp.max-message-size=4KB", "wamp.send-buffer.max-size=256KB"})
class SmallLimitsIntegrationTests {

    private static final int MIB = 1024 * 1024;

    @LocalServerPort
    int port;

    @Autowired
    WampRouter router;

    @Autowired
    WampTemplate template;

    private final List<TestWampClient> clients = new ArrayList<>();

    private final Map<TestWampClient, Long> sessionIds = new HashMap<>();

    private TestWampClient join(String serializer) {
        TestWampClient client = TestWampClient.connect(URI.create("ws://127.0.0.1:" + port + "/ws"), serializer);
        clients.add(client);
        sessionIds.put(client, client.hello("realm1").session());
        return client;
    }

    @AfterEach
    void closeClients() {
        clients.forEach(TestWampClient::close);
    }

    @ParameterizedTest(name = "wamp.2.{0}, {1} characters")
    @CsvSource({"json, 6000", "json, 100000", "msgpack, 6000", "msgpack, 100000", "cbor, 6000", "cbor, 100000"})
    void messageAboveTheLimitIsAborted(String serializer, int size) {
        TestWampClient bystander = join(serializer);
        TestWampClient offender = join(serializer);
        // just below the limit still works
        assertThat(offender.callForValue("test.echo.text", "x".repeat(3000))).isEqualTo("x".repeat(3000));

        offender.call("test.echo.text", "x".repeat(size));
        Abort abort = offender.nextAbort();
        assertThat(abort.reason()).isEqualTo("wamp.error.payload_size_exceeded");
        assertThat(abort.details().get("message")).asString().contains("4096");
        assertThat(offender.awaitClose()).isEqualTo(1009);

        assertThat(bystander.callForValue("test.add", 1, 2)).isEqualTo(3L);
        TestWampClient newcomer = join(serializer);
        assertThat(newcomer.callForValue("test.add", 2, 2)).isEqualTo(4L);
    }

    /**
     * The limit is in bytes, as the property's type says: a JSON text frame of 2,000 three-byte characters is about
     * 6,000 bytes on the wire although it holds only about 2,000 characters.
     */
    @ParameterizedTest(name = "{0} euro signs")
    @CsvSource({"2000", "20000"})
    void limitCountsTheBytesOfTextFrames(int characters) {
        TestWampClient bystander = join("json");
        TestWampClient offender = join("json");
        // 1,000 euro signs are about 3,000 bytes: below the limit
        assertThat(offender.callForValue("test.echo.text", "€".repeat(1000))).isEqualTo("€".repeat(1000));

        offender.call("test.echo.text", "€".repeat(characters));
        Abort abort = offender.nextAbort();
        assertThat(abort.reason()).isEqualTo("wamp.error.payload_size_exceeded");
        assertThat(offender.awaitClose()).isEqualTo(1009);
        assertThat(bystander.callForValue("test.add", 1, 2)).isEqualTo(3L);
    }

    @Test
    void subscriberThatStopsReadingIsDisconnectedWithoutHoldingUpThePublisher() throws Exception {
        TestWampClient slow = join("msgpack");
        long slowSession = slowSessionId(slow);
        slow.subscribe("test.flood");
        TestWampClient fast = join("cbor");
        BlockingQueue<Event> fastEvents = fast.subscribe("test.flood");
        slow.pauseReading();

        long disconnectsBefore = router.stats().slowConsumerDisconnects();
        byte[] payload = new byte[MIB];
        int published = 0;
        long slowestPublishNanos = 0;
        // the slow peer's socket buffers take some megabytes before its send buffer of 256 KiB fills up; the fast
        // one reads each event before the next is published, so its own buffer of 256 KiB never holds two of them
        while (router.realm("realm1").session(slowSession) != null && published < 500) {
            long started = System.nanoTime();
            template.publish("test.flood", List.of(published, payload), null, PublishOptions.DEFAULTS)
                    .get(20, TimeUnit.SECONDS);
            slowestPublishNanos = Math.max(slowestPublishNanos, System.nanoTime() - started);
            // everyone else gets every event, in order
            Event event = fastEvents.poll(20, TimeUnit.SECONDS);
            assertThat(event).as("event " + published).isNotNull();
            assertThat(event.payload().args().get(0)).isEqualTo((long) published);
            published++;
        }
        assertThat(router.realm("realm1").session(slowSession)).as("the slow subscriber left the realm").isNull();
        assertThat(router.stats().slowConsumerDisconnects()).as("the slow subscriber was disconnected")
                .isEqualTo(disconnectsBefore + 1);
        assertThat(Duration.ofNanos(slowestPublishNanos)).as("no publish waited for the slow subscriber")
                .isLessThan(Duration.ofSeconds(5));
        assertThat(fast.callForValue("test.add", 1, 2)).isEqualTo(3L);
    }

    /** The router's id of a client's session, from its WELCOME. */
    private long slowSessionId(TestWampClient client) {
        return sessionIds.get(client);
    }
}
