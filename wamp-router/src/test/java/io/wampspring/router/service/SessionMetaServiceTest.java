package io.wampspring.router.service;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.wampspring.router.RouterSession;
import io.wampspring.router.TestPeer;
import io.wampspring.router.WampUris;
import io.wampspring.router.auth.AuthIdentity;
import io.wampspring.router.client.LocalSession;
import io.wampspring.router.message.Call;
import io.wampspring.router.message.Event;
import io.wampspring.router.message.Goodbye;
import io.wampspring.router.message.Payload;
import io.wampspring.router.message.Result;
import io.wampspring.router.transport.CloseReason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SessionMetaServiceTest extends AbstractMetaServiceTest {

    private static final AuthIdentity SPRING = new AuthIdentity("spring", "trusted", "local", "test");

    @Test
    void theDealerAndTheBrokerAnnounceTheSessionMetaApi() {
        assertThat(announcedFeatures("dealer")).containsEntry("session_meta_api", true);
        assertThat(announcedFeatures("broker")).containsEntry("session_meta_api", true);
    }

    @Test
    void countListAndGetDescribeTheClientSessionsButNotTheRouters() {
        TestPeer first = TestPeer.joined(router, "realm1");
        TestPeer second = TestPeer.joined(router, "realm1");
        LocalSession local = local();

        assertThat(call(first, "wamp.session.count")).isEqualTo(3L);
        assertThat(ids(call(first, "wamp.session.list")))
                .containsExactlyInAnyOrder(first.sessionId, second.sessionId, local.sessionId());
        assertThat(call(first, "wamp.session.count", List.of("trusted"))).isEqualTo(1L);
        assertThat(call(first, "wamp.session.list", List.of("trusted"))).isEqualTo(List.of(local.sessionId()));
        assertThat(ids(call(first, "wamp.session.list", List.of("anonymous", "nobody"))))
                .containsExactlyInAnyOrder(first.sessionId, second.sessionId);
        assertThat(call(first, "wamp.session.count", List.of())).isEqualTo(0L);

        assertThat(call(first, "wamp.session.get", second.sessionId)).isEqualTo(Map.of(
                "session", second.sessionId, "authid", "anonymous-" + second.sessionId, "authrole", "anonymous",
                "authmethod", "anonymous", "authprovider", "static",
                "transport", Map.of("type", "test", "serializer", "json")));
        assertThat(call(first, "wamp.session.get", local.sessionId())).isEqualTo(Map.of(
                "session", local.sessionId(), "authid", "spring", "authrole", "trusted", "authmethod", "local",
                "authprovider", "test", "transport", Map.of("type", "local", "serializer", "none")));
        local.close();
        assertThat(call(first, "wamp.session.count")).isEqualTo(2L);
    }

    @Test
    void unknownSessionsAndBadArgumentsGetTheSpecsErrors() {
        TestPeer peer = TestPeer.joined(router, "realm1");
        callFails(peer, WampUris.NO_SUCH_SESSION, "wamp.session.get", 42L);
        callFails(peer, WampUris.NO_SUCH_SESSION, "wamp.session.kill", 42L);
        // the caller's own session is no other session
        callFails(peer, WampUris.NO_SUCH_SESSION, "wamp.session.kill", peer.sessionId);
        callFails(peer, WampUris.INVALID_ARGUMENT, "wamp.session.get", "not an id");
        callFails(peer, WampUris.INVALID_ARGUMENT, "wamp.session.get");
        callFails(peer, WampUris.INVALID_ARGUMENT, "wamp.session.count", "anonymous");
        callFails(peer, WampUris.INVALID_ARGUMENT, "wamp.session.list", List.of(7L));
        callFails(peer, WampUris.INVALID_ARGUMENT, "wamp.session.kill_by_authid");
        callFails(peer, WampUris.INVALID_ARGUMENT, "wamp.session.kill_by_authrole", 7L);

        TestPeer victim = TestPeer.joined(router, "realm1");
        for (Object reason : List.of("not a uri", "", "com..example", 7L)) {
            callFails(peer, WampUris.INVALID_URI, "wamp.session.kill",
                    Payload.of(List.of(victim.sessionId), Map.of("reason", reason)));
            callFails(peer, WampUris.INVALID_URI, "wamp.session.kill_all", Payload.of(List.of(),
                    Map.of("reason", reason)));
        }
        callFails(peer, WampUris.INVALID_ARGUMENT, "wamp.session.kill",
                Payload.of(List.of(victim.sessionId), Map.of("message", List.of("not a string"))));
        // nobody was killed by the refused calls
        victim.roundTrip();
        victim.expectNothingMore();
        assertThat(call(peer, "wamp.session.count")).isEqualTo(2L);
    }

    @Test
    void killSaysGoodbyeWithTheReasonAndMessageAndTheSessionLeaves() {
        TestPeer killer = TestPeer.joined(router, "realm1");
        TestPeer victim = TestPeer.joined(router, "realm1");

        Result result = result(killer, "wamp.session.kill", Payload.of(List.of(victim.sessionId),
                Map.of("reason", "com.example.kicked", "message", "go away")));

        assertThat(result.payload().args()).as("kill has no result").isNull();
        Goodbye goodbye = victim.next(Goodbye.class);
        assertThat(goodbye.reason()).isEqualTo("com.example.kicked");
        assertThat(goodbye.details()).isEqualTo(Map.of("message", "go away"));
        assertThat(router.realm("realm1").session(victim.sessionId)).as("out of the realm at once").isNull();
        assertThat(call(killer, "wamp.session.list")).isEqualTo(List.of(killer.sessionId));
        victim.send(new Goodbye(Map.of(), WampUris.CLOSE_GOODBYE_AND_OUT));
        TestPeer.awaitFast(victim.transport::isClosed);
        assertThat(victim.transport.closedWith.get()).isEqualTo(CloseReason.NORMAL);
        assertThat(victim.connection.session().state()).isEqualTo(RouterSession.State.CLOSED);
        killer.expectNothingMore();
    }

    @Test
    void withoutKeywordsTheReasonIsNormalAndThereIsNoMessage() {
        TestPeer killer = TestPeer.joined(router, "realm1");
        TestPeer victim = TestPeer.joined(router, "realm1");

        assertThat(result(killer, "wamp.session.kill", Payload.ofArgs(victim.sessionId)).payload().args()).isNull();

        Goodbye goodbye = victim.next(Goodbye.class);
        assertThat(goodbye.reason()).isEqualTo(WampUris.CLOSE_NORMAL);
        assertThat(goodbye.details()).isEmpty();
    }

    @Test
    void killByAuthroleKillsThatRoleButNeverTheCaller() {
        TestPeer killer = TestPeer.joined(router, "realm1");
        TestPeer first = TestPeer.joined(router, "realm1");
        TestPeer second = TestPeer.joined(router, "realm1");
        LocalSession local = local();

        assertThat(call(killer, "wamp.session.kill_by_authrole", "anonymous")).isEqualTo(2L);

        for (TestPeer victim : List.of(first, second)) {
            assertThat(victim.next(Goodbye.class).reason()).isEqualTo(WampUris.CLOSE_NORMAL);
        }
        assertThat(local.isOpen()).isTrue();
        assertThat(ids(call(killer, "wamp.session.list")))
                .containsExactlyInAnyOrder(killer.sessionId, local.sessionId());
        assertThat(call(killer, "wamp.session.kill_by_authrole", "nobody")).isEqualTo(0L);
        killer.expectNothingMore();
        local.close();
    }

    @Test
    void killByAuthidKillsInProcessSessionsTooButNeverTheCaller() throws Exception {
        LocalSession caller = local();
        LocalSession other = local();
        TestPeer remote = TestPeer.joined(router, "realm1");

        Result result = caller.call("wamp.session.kill_by_authid", Map.of(),
                Payload.of(List.of("spring"), Map.of("reason", "wamp.close.killed", "message", "redeploy")))
                .get(5, TimeUnit.SECONDS);

        assertThat(result.payload().args()).isEqualTo(List.of(1L));
        assertThat(other.isOpen()).as("the other in-process session is killed").isFalse();
        assertThat(caller.isOpen()).isTrue();
        assertThat(ids(call(remote, "wamp.session.list")))
                .containsExactlyInAnyOrder(caller.sessionId(), remote.sessionId);
        assertThat(call(remote, "wamp.session.kill_by_authid", "anonymous-" + remote.sessionId)).isEqualTo(0L);
        caller.close();
    }

    @Test
    void killAllKillsEverySessionButTheCaller() {
        TestPeer killer = TestPeer.joined(router, "realm1");
        TestPeer first = TestPeer.joined(router, "realm1");
        TestPeer second = TestPeer.joined(router, "realm1");
        LocalSession local = local();

        Result result = result(killer, "wamp.session.kill_all",
                Payload.of(List.of(), Map.of("reason", "wamp.close.killed", "message", "maintenance")));

        assertThat(result.payload().args()).isEqualTo(List.of(3L));
        for (TestPeer victim : List.of(first, second)) {
            Goodbye goodbye = victim.next(Goodbye.class);
            assertThat(goodbye.reason()).isEqualTo(WampUris.CLOSE_KILLED);
            assertThat(goodbye.details()).isEqualTo(Map.of("message", "maintenance"));
        }
        assertThat(local.isOpen()).isFalse();
        assertThat(call(killer, "wamp.session.list")).isEqualTo(List.of(killer.sessionId));
        assertThat(call(killer, "wamp.session.kill_all")).isEqualTo(0L);
    }

    @Test
    void onJoinAndOnLeaveFollowEverySessionsLife() {
        TestPeer watcher = TestPeer.joined(router, "realm1");
        long onJoin = watcher.subscribe("wamp.session.on_join");
        long onLeave = watcher.subscribe("wamp.session.on_leave");

        // joins and leaves with GOODBYE
        TestPeer polite = TestPeer.joined(router, "realm1");
        Event joined = watcher.next(Event.class);
        assertThat(joined.subscription()).isEqualTo(onJoin);
        assertThat(joined.payload().args()).hasSize(1);
        assertThat(joined.payload().args().get(0)).isEqualTo(call(watcher, "wamp.session.get", polite.sessionId));
        polite.send(new Goodbye(Map.of(), WampUris.CLOSE_NORMAL));
        polite.next(Goodbye.class);
        Event left = watcher.next(Event.class);
        assertThat(left.subscription()).isEqualTo(onLeave);
        assertThat(left.payload().args())
                .containsExactly(polite.sessionId, "anonymous-" + polite.sessionId, "anonymous");

        // loses its connection
        TestPeer dropped = TestPeer.joined(router, "realm1");
        assertThat(watcher.next(Event.class).subscription()).isEqualTo(onJoin);
        dropped.disconnect();
        assertThat(watcher.next(Event.class).payload().args())
                .containsExactly(dropped.sessionId, "anonymous-" + dropped.sessionId, "anonymous");

        // an in-process session, as annotated beans and WampTemplate use, joins and leaves like any other
        LocalSession local = local();
        Event localJoined = watcher.next(Event.class);
        assertThat(localJoined.payload().args()).containsExactly(Map.of("session", local.sessionId(),
                "authid", "spring", "authrole", "trusted", "authmethod", "local", "authprovider", "test",
                "transport", Map.of("type", "local", "serializer", "none")));
        local.close();
        Event localLeft = watcher.next(Event.class);
        assertThat(localLeft.subscription()).isEqualTo(onLeave);
        assertThat(localLeft.payload().args()).containsExactly(local.sessionId(), "spring", "trusted");

        // killed
        TestPeer victim = TestPeer.joined(router, "realm1");
        watcher.next(Event.class);
        long request = watcher.nextRequest();
        watcher.send(new Call(request, Map.of(), "wamp.session.kill", Payload.ofArgs(victim.sessionId)));
        // the victim is gone before the kill returns
        Event killed = watcher.next(Event.class);
        assertThat(killed.subscription()).isEqualTo(onLeave);
        assertThat(killed.payload().args().get(0)).isEqualTo(victim.sessionId);
        assertThat(watcher.next(Result.class).request()).isEqualTo(request);
        watcher.expectNothingMore();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> ids(Object list) {
        return (List<Object>) list;
    }

    private LocalSession local() {
        return new LocalSession(router, "realm1", SPRING, executor);
    }
}
