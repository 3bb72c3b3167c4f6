package io.wampspring.sample.interop;

import static io.wampspring.sample.interop.Values.listOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import io.wampspring.sample.interop.NodeWampClient.Event;
import io.wampspring.sample.interop.NodeWampClient.Received;
import io.wampspring.sample.interop.NodeWampClient.Welcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Authorization rules seen by autobahn-js 26 (json): in the realm {@code restricted} anonymous clients have the role
 * {@code shopper}, which may call, register, subscribe and publish under {@code com.shop.} with its calls and
 * publications disclosed, and nothing else. Refusals reach the client as {@code wamp.error.not_authorized} on that
 * request; the callee and the subscriber learn who called and published although nobody set {@code disclose_me}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "wamp.realms[0].name=realm1",
        "wamp.realms[1].name=restricted",
        "wamp.realms[1].anonymous-role=shopper",
        "wamp.realms[1].roles.shopper.permissions[0].uri=com.shop.",
        "wamp.realms[1].roles.shopper.permissions[0].match=prefix",
        "wamp.realms[1].roles.shopper.permissions[0].allow=all",
        "wamp.realms[1].roles.shopper.permissions[0].disclose-caller=true",
        "wamp.realms[1].roles.shopper.permissions[0].disclose-publisher=true"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AutobahnJsAuthorizationInteropTest {

    private static final String NOT_AUTHORIZED = "wamp.error.not_authorized";

    @LocalServerPort
    int port;

    private NodeWampClient callee;
    private NodeWampClient caller;
    private Welcome callerSession;
    private Welcome calleeSession;

    @BeforeAll
    void connect() throws IOException {
        callee = NodeWampClient.start("autobahn");
        caller = NodeWampClient.start("autobahn");
        String url = "ws://127.0.0.1:" + port + "/ws";
        calleeSession = callee.connect(url, "restricted", "json", Map.of());
        callerSession = caller.connect(url, "restricted", "json", Map.of());
        assertThat(callerSession.authrole()).isEqualTo("shopper");
    }

    @AfterAll
    void close() {
        for (NodeWampClient client : new NodeWampClient[] {callee, caller}) {
            if (client != null) {
                client.close();
            }
        }
    }

    @Test
    void refusedRequestsGetNotAuthorizedAndTheSessionGoesOn() {
        WampReply meta = caller.call("wamp.session.count", null, null);
        assertThat(meta.error()).isEqualTo(NOT_AUTHORIZED);
        assertThat(meta.args()).isEqualTo(listOf("role 'shopper' is not authorized to call 'wamp.session.count'"));
        assertThat(caller.call("org.bank.transfer", null, null).error()).isEqualTo(NOT_AUTHORIZED);
        assertThat(caller.publish("org.bank.audit", null, null, Map.of("acknowledge", true)).error())
                .isEqualTo(NOT_AUTHORIZED);
        assertThat(caller.subscribe("audit", "org.bank.audit", Map.of()).error()).isEqualTo(NOT_AUTHORIZED);
        assertThat(caller.register("org.bank.transfer", Map.of(), "echo", Map.of()).error())
                .isEqualTo(NOT_AUTHORIZED);
        // a pattern broader than com.shop. is refused too
        assertThat(caller.subscribe("all", "com.", Map.of("match", "prefix")).error()).isEqualTo(NOT_AUTHORIZED);

        assertThat(caller.call("com.shop.nobody", null, null).error()).isEqualTo("wamp.error.no_such_procedure");
    }

    @Test
    void theRoleDisclosesItsCallsAndPublicationsWithoutAsking() {
        assertThat(callee.register("com.shop.quote", Map.of(), "constant",
                Map.of("result", Map.of("args", listOf(42)))).error()).isNull();
        assertThat(caller.call("com.shop.quote", listOf("book"), null)).isEqualTo(WampReply.result(listOf(42), null));
        List<Received> invocations = callee.invocations("com.shop.quote", 1);
        assertThat(invocations.get(0).details()).containsEntry("caller", callerSession.sessionId())
                .containsEntry("caller_authrole", "shopper").containsEntry("caller_authid", callerSession.authid());

        assertThat(caller.subscribe("news", "com.shop.news", Map.of()).error()).isNull();
        assertThat(callee.publish("com.shop.news", listOf("sale"), null, Map.of("acknowledge", true)).error())
                .isNull();
        List<Event> events = caller.eventsOf("news", 1);
        assertThat(events.get(0).details()).containsEntry("publisher", calleeSession.sessionId())
                .containsEntry("publisher_authrole", "shopper");
    }
}
