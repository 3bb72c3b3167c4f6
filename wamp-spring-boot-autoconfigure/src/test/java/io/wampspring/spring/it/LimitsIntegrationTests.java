package io.wampspring.spring.it;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wampspring.router.WampConnection;
import io.wampspring.router.WampRouter;
import io.wampspring.router.message.Abort;
import io.wampspring.router.message.ErrorMessage;
import io.wampspring.router.message.Hello;
import io.wampspring.router.message.Invocation;
import io.wampspring.router.message.Payload;
import io.wampspring.router.message.Publish;
import io.wampspring.router.message.Result;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
 * {@code wamp.limits} over real WebSockets: each limit refuses with {@code wamp.error.limit_exceeded} (ABORT for
 * sessions and the message rate, ERROR for a call) and counts in {@code wamp.limits.exceeded}. Every client here
 * connects from 127.0.0.1, so the address limit (3) bounds all of them together; each test starts once the sessions
 * of the one before have gone.
 */
@SpringBootTest(classes = LimitsIntegrationTests.LimitsApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1", "wamp.realms[0].name=realm1", "wamp.realms[1].name=realm2",
                "wamp.limits.sessions-per-realm=2", "wamp.limits.sessions-per-address=3",
                "wamp.limits.outstanding-calls-per-session=2", "wamp.limits.messages-per-second=1",
                "wamp.limits.message-burst=20"})
class LimitsIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @SpringBootConfiguration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import(BindingEndpoints.class)
    static class LimitsApplication {

        @Bean
        SimpleMeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    WampRouter router;

    @Autowired
    SimpleMeterRegistry meters;

    private final List<TestWampClient> clients = new ArrayList<>();

    @BeforeEach
    void previousSessionsHaveGone() {
        await().atMost(WAIT).until(() -> remoteSessions("realm1") == 0 && remoteSessions("realm2") == 0);
    }

    @AfterEach
    void closeClients() {
        clients.forEach(TestWampClient::close);
    }

    private long remoteSessions(String realm) {
        return router.realm(realm).sessions().stream()
                .filter(session -> session.connection() instanceof WampConnection).count();
    }

    private double exceeded(String realm, String limit) {
        Counter counter = meters.find("wamp.limits.exceeded").tags("realm", realm, "limit", limit).counter();
        return counter != null ? counter.count() : 0;
    }

    private TestWampClient connect() {
        TestWampClient client = TestWampClient.connect(URI.create("ws://127.0.0.1:" + port + "/ws"), "json");
        clients.add(client);
        return client;
    }

    private TestWampClient join(String realm) {
        TestWampClient client = connect();
        client.hello(realm);
        return client;
    }

    /** HELLO is answered by ABORT for {@code limit}, and the connection closes. */
    private void assertRefused(String realm, String limit) {
        double before = exceeded(realm, limit);
        TestWampClient refused = connect();
        refused.send(new Hello(realm, TestWampSession.helloDetails()));
        Abort abort = refused.nextAbort();
        assertThat(abort.reason()).isEqualTo("wamp.error.limit_exceeded");
        assertThat(abort.details()).containsEntry("limit", limit);
        assertThat(refused.awaitClose()).isEqualTo(1000);
        assertThat(exceeded(realm, limit)).isEqualTo(before + 1);
    }

    @Test
    void aRealmBeyondItsSessionsRefusesHelloUntilOneLeavesEvenAbruptly() {
        TestWampClient first = join("realm2");
        join("realm2");

        assertRefused("realm2", "sessions-per-realm");

        // the network drops: no GOODBYE, no close frame
        first.dropConnection();
        await().atMost(WAIT).until(() -> remoteSessions("realm2") == 1);
        TestWampClient newcomer = join("realm2");
        assertThat(newcomer.callForError("no.such.procedure", List.of(), null).error())
                .isEqualTo("wamp.error.no_such_procedure");
    }

    @Test
    void anAddressBeyondItsSessionsIsRefusedInEveryRealm() {
        join("realm1");
        join("realm1");
        TestWampClient third = join("realm2");

        assertRefused("realm2", "sessions-per-address");

        third.close();
        await().atMost(WAIT).until(() -> remoteSessions("realm2") == 0);
        join("realm2");
    }

    @Test
    void aCallBeyondTheOutstandingLimitGetsAnErrorAndTheSessionCarriesOn() {
        TestWampClient callee = join("realm1");
        BlockingQueue<Invocation> invocations = callee.registerQueued("com.example.slow", Map.of());
        TestWampClient caller = join("realm1");
        double before = exceeded("realm1", "outstanding-calls-per-session");

        var first = caller.call("com.example.slow");
        caller.call("com.example.slow");
        Invocation invocation = TestWampSession.poll(invocations, "INVOCATION of the first call");
        TestWampSession.poll(invocations, "INVOCATION of the second call");

        ErrorMessage refused = caller.callForError("com.example.slow", List.of(), null);
        assertThat(refused.error()).isEqualTo("wamp.error.limit_exceeded");
        assertThat(refused.payload().args()).singleElement().asString()
                .contains("wamp.limits.outstanding-calls-per-session");
        assertThat(exceeded("realm1", "outstanding-calls-per-session")).isEqualTo(before + 1);

        callee.yield(invocation.request(), false, Payload.ofArgs("done"));
        assertThat(TestWampSession.await(first)).isInstanceOf(Result.class);
        // a place is free again
        caller.call("com.example.slow");
        TestWampSession.poll(invocations, "INVOCATION of the call after the first was answered");
    }

    @Test
    void aSessionFloodingBeyondItsRateIsAborted() {
        TestWampClient bystander = join("realm1");
        TestWampClient flooder = join("realm1");
        double before = exceeded("realm1", "messages-per-second");

        // 1 message per second with a burst of 20: 60 publications in a row cannot all fit, however slow the machine
        for (int i = 0; i < 60; i++) {
            flooder.send(new Publish(flooder.nextRequestId(), Map.of(), "com.example.flood", Payload.EMPTY));
        }

        Abort abort = flooder.nextAbort();
        assertThat(abort.reason()).isEqualTo("wamp.error.limit_exceeded");
        assertThat(abort.details()).containsEntry("limit", "messages-per-second");
        assertThat(flooder.awaitClose()).isEqualTo(1000);
        assertThat(exceeded("realm1", "messages-per-second")).isEqualTo(before + 1);
        assertThat(bystander.callForValue("test.add", 2, 3)).isEqualTo(5L);
    }
}
