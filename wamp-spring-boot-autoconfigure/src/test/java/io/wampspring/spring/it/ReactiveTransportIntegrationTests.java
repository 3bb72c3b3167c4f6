package io.wampspring.spring.it;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import io.wampspring.router.message.Abort;
import io.wampspring.router.message.Event;
import io.wampspring.router.message.Result;
import io.wampspring.router.message.WampMessage;
import io.wampspring.spring.core.PublishOptions;
import io.wampspring.spring.core.WampTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.server.reactive.context.ReactiveWebServerApplicationContext;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reactive WebSocket transport on Reactor Netty: the application runs as a reactive web application (with both
 * Tomcat and Netty on the classpath), and real WebSocket clients join, call annotated procedures, receive events
 * that {@link WampTemplate} publishes, and send messages in many frames, over every serializer.
 */
@ReactiveTransport
class ReactiveTransportIntegrationTests extends AbstractWampIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    WampTemplate template;

    @Test
    void runsOnReactorNetty() {
        assertThat(context).isInstanceOf(ReactiveWebServerApplicationContext.class);
        assertThat(((ReactiveWebServerApplicationContext) context).getWebServer().getClass().getSimpleName())
                .isEqualTo("NettyWebServer");
    }

    @AllSerializers
    void joinsCallsAndReceivesPublishedEvents(String serializer) throws Exception {
        TestWampClient client = join(serializer);
        assertThat(client.callForValue("test.add", 20, 22)).isEqualTo(42L);
        assertThat(client.callForValue("test.echo.text", "héllo €")).isEqualTo("héllo €");

        BlockingQueue<Event> events = client.subscribe("test.reactive." + serializer);
        template.publish("test.reactive." + serializer, List.of("hello", 1), null, PublishOptions.DEFAULTS)
                .get(20, TimeUnit.SECONDS);
        Event event = events.poll(20, TimeUnit.SECONDS);
        assertThat(event).isNotNull();
        assertThat(event.payload().args()).containsExactly("hello", 1L);
    }

    @AllSerializers
    void remoteSessionsReachEachOther(String serializer) throws Exception {
        TestWampClient callee = join(serializer);
        TestWampClient caller = join(serializer);
        callee.register("test.reactive.remote." + serializer,
                invocation -> io.wampspring.router.message.Payload.of(List.of("from callee"), null));
        assertThat(caller.callForValue("test.reactive.remote." + serializer)).isEqualTo("from callee");
    }

    /** A CALL sent as a first frame and many continuation frames is assembled and answered whole. */
    @ParameterizedTest(name = "wamp.2.{0}, frames of {1} bytes")
    @CsvSource({"json, 1000", "json, 65536", "msgpack, 1000", "msgpack, 65536", "cbor, 1000", "cbor, 65536"})
    void messageInManyFramesIsAssembled(String serializer, int partSize) {
        TestWampClient client = join(serializer);
        String text = "é-" + "x".repeat(300_000) + "-€";
        WampMessage reply = client.await(client.callInParts("test.echo.text", List.of(text), partSize));
        assertThat(reply).isInstanceOf(Result.class);
        assertThat(((Result) reply).payload().args()).containsExactly(text);
        assertThat(client.callForValue("test.add", 1, 2)).as("the session goes on").isEqualTo(3L);
    }

    /** A message above wamp.max-message-size (16 MiB here) in many frames: ABORT, 1009, and the router goes on. */
    @AllSerializers
    void messageInManyFramesAboveTheLimitIsAborted(String serializer) {
        TestWampClient offender = join(serializer);
        offender.callInParts("test.echo.text", List.of("x".repeat(17 * 1024 * 1024)), 1024 * 1024);
        Abort abort = offender.nextAbort();
        assertThat(abort.reason()).isEqualTo("wamp.error.payload_size_exceeded");
        assertThat(offender.awaitClose()).isEqualTo(1009);
        assertRouterStillServes(serializer);
    }

    @Test
    void offeringNoWampSubprotocolIsClosedAsAProtocolError() {
        TestWampClient client = connectRaw("wamp.2.xml", "mqtt");
        assertThat(client.awaitClose()).isEqualTo(1002);
        assertThat(client.drainInbox()).isEmpty();
        assertRouterStillServes("json");
    }

    @Test
    void theClientsPreferenceAmongSupportedSubprotocolsDecides() {
        assertThat(connectRaw("wamp.2.xml", "wamp.2.cbor", "wamp.2.json").subprotocol()).isEqualTo("wamp.2.cbor");
        assertThat(connectRaw("wamp.2.msgpack", "wamp.2.json").subprotocol()).isEqualTo("wamp.2.msgpack");
    }
}
