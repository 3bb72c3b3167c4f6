package io.wampspring.sample.interop;

import static io.wampspring.sample.interop.Values.listOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.wampspring.sample.interop.NodeWampClient.Event;
import io.wampspring.sample.interop.NodeWampClient.Welcome;
import io.wampspring.spring.core.WampTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The session meta API and testaments with autobahn-js 26 ({@link #serializer()}) against the sample app: a watcher
 * session lists, counts and inspects sessions, sees them join and leave, and kills one; a killed session sees the
 * GOODBYE's reason and message; a session whose node process dies leaves its testament behind. Only sessions of this
 * class are killed (by id): the application context, with its in-process sessions, is shared with the other interop
 * tests.
 */
@ActiveProfiles("interop")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(InteropTestBeans.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractAutobahnJsSessionMetaInteropTest {

    static final String REALM = "realm1";
    static final Duration WAIT = Duration.ofSeconds(15);

    @LocalServerPort
    int port;

    @Autowired
    WampTemplate wamp;

    NodeWampClient watcher;
    Welcome watcherSession;
    /** Clients a test started besides the watcher, closed after it. */
    private final List<NodeWampClient> others = new ArrayList<>();
    private final AtomicInteger uris = new AtomicInteger();

    /** "json", "msgpack" or "cbor". */
    abstract String serializer();

    @BeforeAll
    void connectWatcher() throws IOException {
        watcher = NodeWampClient.start("autobahn");
        watcherSession = join(watcher);
        subscribe(watcher, "on_join", "wamp.session.on_join");
        subscribe(watcher, "on_leave", "wamp.session.on_leave");
    }

    @AfterEach
    void closeOthers() {
        others.forEach(NodeWampClient::close);
        others.clear();
    }

    @AfterAll
    void closeWatcher() {
        if (watcher != null) {
            watcher.close();
        }
    }

    private Welcome join(NodeWampClient client) {
        return client.connect("ws://127.0.0.1:" + port + "/ws", REALM, serializer(), Map.of());
    }

    /** A new client in a node process of its own, closed after the test. */
    private Welcome joined() {
        try {
            NodeWampClient client = NodeWampClient.start("autobahn");
            others.add(client);
            return join(client);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private NodeWampClient client(int index) {
        return others.get(index);
    }

    private static void subscribe(NodeWampClient client, String key, String topic) {
        assertThat(client.subscribe(key, topic, Map.of()).error()).isNull();
    }

    private String uri(String name) {
        return "interop.session." + serializer() + ".n" + uris.incrementAndGet() + "." + name;
    }

    /** The first positional result of a meta procedure the watcher calls, which must succeed. */
    private Object watcherCalls(String procedure, Object... args) {
        WampReply reply = watcher.call(procedure, List.of(args), null);
        assertThat(reply.error()).as("%s refused", procedure).isNull();
        return reply.first();
    }

    /** The events of {@code key} the watcher has about one session (on_join: details.session, on_leave: args[0]). */
    private List<Event> watcherEventsAbout(String key, long session) {
        await().atMost(WAIT).until(() -> !about(watcher.eventsOf(key, 0), key, session).isEmpty());
        return about(watcher.eventsOf(key, 0), key, session);
    }

    @SuppressWarnings("unchecked")
    private static List<Event> about(List<Event> events, String key, long session) {
        return events.stream().filter(event -> Long.valueOf(session).equals(key.equals("on_join")
                ? ((Map<String, Object>) event.args().get(0)).get("session") : event.args().get(0))).toList();
    }

    @Test
    void listCountAndGetDescribeTheJavaScriptSessions() throws Exception {
        Welcome first = joined();
        Welcome second = joined();
        // WampTemplate's in-process session joins on its first use, and counts like any other
        wamp.call("wamp.session.count", Long.class).get(10, TimeUnit.SECONDS);

        List<Object> all = Values.normalizeList(watcherCalls("wamp.session.list"));
        assertThat(all).contains(watcherSession.sessionId(), first.sessionId(), second.sessionId());
        assertThat(watcherCalls("wamp.session.count")).isEqualTo((long) all.size());
        // the Java side sees the same realm through WampTemplate.call
        assertThat(wamp.call("wamp.session.count", Long.class).get(10, TimeUnit.SECONDS))
                .isEqualTo((long) all.size());
        List<Object> anonymous = Values.normalizeList(watcherCalls("wamp.session.list", listOf("anonymous")));
        assertThat(anonymous).contains(first.sessionId(), second.sessionId());
        assertThat(watcherCalls("wamp.session.count", listOf("anonymous"))).isEqualTo((long) anonymous.size());
        assertThat(watcherCalls("wamp.session.count", listOf("no_such_role"))).isEqualTo(0L);

        assertThat(watcherCalls("wamp.session.get", first.sessionId())).isInstanceOfSatisfying(Map.class,
                details -> {
                    assertThat(details).containsEntry("session", first.sessionId())
                            .containsEntry("authid", first.authid()).containsEntry("authrole", "anonymous")
                            .containsEntry("authmethod", "anonymous");
                    assertThat(Values.normalizeMap(details.get("transport"))).containsEntry("serializer", serializer());
                });
        assertThat(watcher.call("wamp.session.get", listOf(1L), null).error())
                .isEqualTo("wamp.error.no_such_session");
    }

    @Test
    void oneJavaScriptSessionKillsAnotherWhichSeesTheReasonAndMessage() {
        Welcome victim = joined();

        WampReply killed = watcher.call("wamp.session.kill", listOf(victim.sessionId()),
                Map.of("reason", "com.example.kicked", "message", "maintenance window"));

        assertThat(killed).isEqualTo(WampReply.result(null, null));
        await().atMost(WAIT).until(() -> !client(0).status().open());
        assertThat(client(0).status()).isEqualTo(
                new NodeWampClient.Status(false, "com.example.kicked", "maintenance window"));
        assertThat(watcherEventsAbout("on_leave", victim.sessionId())).singleElement().satisfies(event -> assertThat(
                event.args()).containsExactly(victim.sessionId(), victim.authid(), "anonymous"));
        // the killer itself is no other session, and it lives on
        assertThat(watcher.call("wamp.session.kill", listOf(watcherSession.sessionId()), null).error())
                .isEqualTo("wamp.error.no_such_session");
        assertThat(watcher.isOpen()).isTrue();
    }

    @Test
    void killByAuthidClosesWithTheNormalReasonByDefault() {
        Welcome victim = joined();

        assertThat(watcherCalls("wamp.session.kill_by_authid", victim.authid())).isEqualTo(1L);

        await().atMost(WAIT).until(() -> !client(0).status().open());
        assertThat(client(0).status().closeReason()).isEqualTo("wamp.close.normal");
        assertThat(watcher.call("wamp.session.kill", listOf(watcherSession.sessionId()),
                Map.of("reason", "not a uri")).error()).isEqualTo("wamp.error.invalid_uri");
    }

    @Test
    void onJoinAndOnLeaveFollowAJavaScriptSession() {
        Welcome joiner = joined();

        assertThat(watcherEventsAbout("on_join", joiner.sessionId())).singleElement().satisfies(event -> {
            assertThat(event.args()).hasSize(1);
            assertThat(Values.normalizeMap(event.args().get(0))).containsEntry("authid", joiner.authid())
                    .containsEntry("authrole", "anonymous").containsEntry("authmethod", "anonymous");
        });
        client(0).close();

        assertThat(watcherEventsAbout("on_leave", joiner.sessionId())).singleElement().satisfies(event -> assertThat(
                event.args()).containsExactly(joiner.sessionId(), joiner.authid(), "anonymous"));
    }

    @Test
    void aDroppedJavaScriptSessionLeavesItsTestament() throws Exception {
        String topic = uri("gone");
        subscribe(watcher, topic, topic);
        Welcome testator = joined();
        WampReply added = client(0).call("wamp.session.add_testament", listOf(topic, listOf("gone"),
                Map.of("who", "testator")), Map.of("publish_options", Map.of("disclose_me", true)));
        assertThat(added).isEqualTo(WampReply.result(null, null));
        // a detached-scope testament flushed again is not published
        client(0).call("wamp.session.add_testament", listOf(topic, listOf("flushed"), Map.of()),
                Map.of("scope", "detached"));
        assertThat(client(0).call("wamp.session.flush_testaments", null, Map.of("scope", "detached")).first())
                .isEqualTo(1L);

        client(0).crash();

        Event testament = watcher.eventsOf(topic, 1).get(0);
        assertThat(testament.args()).isEqualTo(listOf("gone"));
        assertThat(testament.kwargs()).isEqualTo(Map.of("who", "testator"));
        assertThat(testament.details()).containsEntry("publisher", testator.sessionId());
        // its on_leave comes after the testament: once it is here, a flushed testament would be here too
        assertThat(watcherEventsAbout("on_leave", testator.sessionId())).hasSize(1);
        assertThat(watcher.eventsOf(topic, 1)).hasSize(1);
    }
}
