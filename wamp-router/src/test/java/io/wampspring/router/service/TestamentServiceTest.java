package io.wampspring.router.service;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.wampspring.router.RealmConfig;
import io.wampspring.router.RouterConfig;
import io.wampspring.router.TestPeer;
import io.wampspring.router.WampRouter;
import io.wampspring.router.WampUris;
import io.wampspring.router.auth.Action;
import io.wampspring.router.auth.AnonymousAuthenticator;
import io.wampspring.router.auth.AuthIdentity;
import io.wampspring.router.client.LocalSession;
import io.wampspring.router.message.Event;
import io.wampspring.router.message.Goodbye;
import io.wampspring.router.message.Payload;
import io.wampspring.router.message.Result;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestamentServiceTest extends AbstractMetaServiceTest {

    private static final String ADD = "wamp.session.add_testament";
    private static final String FLUSH = "wamp.session.flush_testaments";

    @Test
    void theDealerAnnouncesTheTestamentMetaApi() {
        assertThat(announcedFeatures("dealer")).containsEntry("testament_meta_api", true);
    }

    @Test
    void aTestamentIsPublishedWhenTheConnectionIsLost() {
        TestPeer listener = TestPeer.joined(router, "realm1");
        long subscription = listener.subscribe("com.example.gone");
        TestPeer testator = TestPeer.joined(router, "realm1");

        Result added = result(testator, ADD, Payload.of(List.of("com.example.gone", List.of("bye", 7L),
                Map.of("name", "app1")), null));
        assertThat(added.payload().args()).as("add_testament returns no value").isNull();
        listener.roundTrip();
        listener.expectNothingMore();

        testator.disconnect();

        Event event = listener.next(Event.class);
        assertThat(event.subscription()).isEqualTo(subscription);
        assertThat(event.details()).isEmpty();
        assertThat(event.payload().args()).containsExactly("bye", 7L);
        assertThat(event.payload().kwargs()).isEqualTo(Map.of("name", "app1"));
    }

    @Test
    void testamentsArePublishedOnGoodbyeAndOnKillToo() {
        TestPeer listener = listener();
        TestPeer polite = TestPeer.joined(router, "realm1");
        TestPeer victim = TestPeer.joined(router, "realm1");
        addTestament(polite, "com.example.gone", "polite");
        addTestament(victim, "com.example.gone", "victim");

        polite.send(new Goodbye(Map.of(), WampUris.CLOSE_NORMAL));
        assertThat(listener.next(Event.class).payload().args()).containsExactly("polite");
        TestPeer killer = TestPeer.joined(router, "realm1");
        assertThat(result(killer, "wamp.session.kill", Payload.ofArgs(victim.sessionId)).payload().args()).isNull();
        assertThat(victim.next(Goodbye.class).reason()).isEqualTo(WampUris.CLOSE_NORMAL);
        assertThat(listener.next(Event.class).payload().args()).containsExactly("victim");
    }

    @Test
    void detachedTestamentsComeFirstThenDestroyedOnesEachInTheOrderAdded() {
        TestPeer listener = listener();
        listener.subscribe("wamp.session.on_leave");
        TestPeer testator = TestPeer.joined(router, "realm1");
        addTestament(testator, "com.example.gone", "destroyed 1");
        addTestament(testator, "com.example.gone", "detached 1", Map.of("scope", "detached"));
        addTestament(testator, "com.example.gone", "destroyed 2", Map.of("scope", "destroyed"));
        addTestament(testator, "com.example.gone", "detached 2", Map.of("scope", "detached"));

        testator.disconnect();

        for (String expected : List.of("detached 1", "detached 2", "destroyed 1", "destroyed 2")) {
            assertThat(listener.next(Event.class).payload().args()).containsExactly(expected);
        }
        // and then the session's on_leave
        assertThat(listener.next(Event.class).payload().args().get(0)).isEqualTo(testator.sessionId);
        listener.expectNothingMore();
    }

    @Test
    void flushRemovesTheTestamentsOfOneScopeAndSaysHowMany() {
        TestPeer listener = listener();
        listener.subscribe("wamp.session.on_leave");
        TestPeer testator = TestPeer.joined(router, "realm1");
        addTestament(testator, "com.example.gone", "destroyed 1");
        addTestament(testator, "com.example.gone", "destroyed 2");
        addTestament(testator, "com.example.gone", "detached", Map.of("scope", "detached"));

        assertThat(call(testator, FLUSH)).as("destroyed by default").isEqualTo(2L);
        assertThat(call(testator, FLUSH)).isEqualTo(0L);
        addTestament(testator, "com.example.gone", "destroyed 3");
        assertThat(result(testator, FLUSH, Payload.of(List.of(), Map.of("scope", "detached"))).payload().args())
                .containsExactly(1L);

        testator.disconnect();

        assertThat(listener.next(Event.class).payload().args()).containsExactly("destroyed 3");
        assertThat(listener.next(Event.class).payload().args().get(0)).as("on_leave").isEqualTo(testator.sessionId);
        listener.expectNothingMore();
    }

    @Test
    void testamentsAreKeptPerSession() {
        TestPeer listener = listener();
        TestPeer first = TestPeer.joined(router, "realm1");
        TestPeer second = TestPeer.joined(router, "realm1");
        addTestament(first, "com.example.gone", "first");
        addTestament(second, "com.example.gone", "second");

        assertThat(call(second, FLUSH)).isEqualTo(1L);
        first.disconnect();
        assertThat(listener.next(Event.class).payload().args()).containsExactly("first");
        second.disconnect();
        listener.roundTrip();
        listener.expectNothingMore();
    }

    @Test
    void publishOptionsApplyAsToTheSessionsOwnPublication() {
        TestPeer listener = listener();
        TestPeer excluded = TestPeer.joined(router, "realm1");
        excluded.subscribe("com.example.gone");
        TestPeer testator = TestPeer.joined(router, "realm1");
        addTestament(testator, "com.example.gone", "last words", Map.of("publish_options", Map.of(
                "disclose_me", true, "exclude", List.of(excluded.sessionId), "retain", true, "acknowledge", true)));

        testator.disconnect();

        Event event = listener.next(Event.class);
        assertThat(event.details()).isEqualTo(Map.of("publisher", testator.sessionId,
                "publisher_authid", "anonymous-" + testator.sessionId, "publisher_authrole", "anonymous"));
        assertThat(event.payload().args()).containsExactly("last words");
        excluded.roundTrip();
        excluded.expectNothingMore();
        // retained: a later subscriber asking for it gets it
        TestPeer late = TestPeer.joined(router, "realm1");
        late.subscribe("com.example.gone", Map.of("get_retained", true));
        Event retained = late.next(Event.class);
        assertThat(retained.publication()).isEqualTo(event.publication());
        assertThat(retained.details()).containsEntry("retained", true);
    }

    @Test
    void inProcessSessionsLeaveTestamentsToo() throws Exception {
        TestPeer listener = listener();
        LocalSession local = new LocalSession(router, "realm1",
                new AuthIdentity("spring", "trusted", "local", "test"), executor);
        local.call(ADD, Map.of(), Payload.of(List.of("com.example.gone", List.of("local")), null))
                .get(5, TimeUnit.SECONDS);

        local.close();

        assertThat(listener.next(Event.class).payload().args()).containsExactly("local");
    }

    @Test
    void badArgumentsAreRefusedWhenTheTestamentIsAdded() {
        TestPeer testator = TestPeer.joined(router, "realm1");
        callFails(testator, WampUris.INVALID_ARGUMENT, ADD);
        callFails(testator, WampUris.INVALID_ARGUMENT, ADD, 7L, List.of(), Map.of());
        callFails(testator, WampUris.INVALID_ARGUMENT, ADD, "com.example.gone", "not a list", Map.of());
        callFails(testator, WampUris.INVALID_ARGUMENT, ADD, "com.example.gone", List.of(), "not a dict");
        callFails(testator, WampUris.INVALID_URI, ADD, "com.example.#gone", List.of(), Map.of());
        callFails(testator, WampUris.INVALID_URI, ADD, "wamp.session.on_leave", List.of(), Map.of());
        callFails(testator, WampUris.INVALID_ARGUMENT, ADD, Payload.of(List.of("com.example.gone", List.of(),
                Map.of()), Map.of("scope", "forever")));
        callFails(testator, WampUris.INVALID_ARGUMENT, ADD, Payload.of(List.of("com.example.gone", List.of(),
                Map.of()), Map.of("publish_options", "none")));
        callFails(testator, WampUris.INVALID_ARGUMENT, ADD, Payload.of(List.of("com.example.gone", List.of(),
                Map.of()), Map.of("publish_options", Map.of("exclude_me", "yes"))));
        callFails(testator, WampUris.INVALID_ARGUMENT, FLUSH, Payload.of(List.of(), Map.of("scope", 7L)));
        // none of them was kept
        assertThat(result(testator, FLUSH, Payload.of(List.of(), Map.of("scope", "detached"))).payload().args())
                .containsExactly(0L);
        assertThat(call(testator, FLUSH)).isEqualTo(0L);
    }

    @Test
    void aTestamentTheSessionMayNotPublishIsRefused() {
        WampRouter guarded = new WampRouter(RouterConfig.defaults(), List.of(new RealmConfig("realm1",
                List.of(new AnonymousAuthenticator("anonymous")),
                (identity, action, uri) -> action != Action.PUBLISH || !uri.startsWith("com.secret."))));
        try {
            TestPeer testator = TestPeer.joined(guarded, "realm1");
            callFails(testator, WampUris.NOT_AUTHORIZED, ADD, "com.secret.gone", List.of(), Map.of());
            assertThat(call(testator, FLUSH)).isEqualTo(0L);
        }
        finally {
            guarded.shutdown(Duration.ZERO);
        }
    }

    /** A session subscribed to com.example.gone, the topic of the tests' testaments. */
    private TestPeer listener() {
        TestPeer listener = TestPeer.joined(router, "realm1");
        listener.subscribe("com.example.gone");
        return listener;
    }

    private static void addTestament(TestPeer testator, String topic, String text) {
        addTestament(testator, topic, text, Map.of());
    }

    private static void addTestament(TestPeer testator, String topic, String text, Map<String, Object> keywords) {
        assertThat(result(testator, ADD, Payload.of(List.of(topic, List.of(text)), keywords)).payload().args())
                .isNull();
    }
}
