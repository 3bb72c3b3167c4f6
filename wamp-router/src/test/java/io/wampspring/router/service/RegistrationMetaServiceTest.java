package io.wampspring.router.service;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.wampspring.router.TestPeer;
import io.wampspring.router.WampUris;
import io.wampspring.router.auth.AuthIdentity;
import io.wampspring.router.client.LocalSession;
import io.wampspring.router.message.Event;
import io.wampspring.router.message.MessageType;
import io.wampspring.router.message.Payload;
import io.wampspring.router.message.Register;
import io.wampspring.router.message.Unregister;
import io.wampspring.router.message.Unregistered;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RegistrationMetaServiceTest extends AbstractMetaServiceTest {

    @Test
    void theDealerAnnouncesTheRegistrationMetaApi() {
        assertThat(announcedFeatures("dealer")).containsEntry("registration_meta_api", true);
    }

    @Test
    void metaProceduresDescribeRegistrations() {
        TestPeer callee = TestPeer.joined(router, "realm1");
        TestPeer other = TestPeer.joined(router, "realm1");
        TestPeer inspector = TestPeer.joined(router, "realm1");
        long exact = callee.register("com.example.exact");
        long request = callee.nextRequest();
        callee.send(new Register(request, Map.of("match", "prefix", "invoke", "roundrobin"), "com.example.items."));
        long prefix = callee.next(io.wampspring.router.message.Registered.class).registration();
        request = other.nextRequest();
        other.send(new Register(request, Map.of("match", "prefix", "invoke", "roundrobin"), "com.example.items."));
        assertThat(other.next(io.wampspring.router.message.Registered.class).registration()).isEqualTo(prefix);

        assertThat(call(inspector, "wamp.registration.list")).isEqualTo(Map.of(
                "exact", List.of(exact), "prefix", List.of(prefix), "wildcard", List.of()));
        assertThat(call(inspector, "wamp.registration.lookup", "com.example.exact")).isEqualTo(exact);
        assertThat(call(inspector, "wamp.registration.lookup", "com.example.items.", Map.of("match", "prefix")))
                .isEqualTo(prefix);
        assertThat(call(inspector, "wamp.registration.lookup", "com.example.items.")).isNull();
        assertThat(call(inspector, "wamp.registration.match", "com.example.items.7.get")).isEqualTo(prefix);
        assertThat(call(inspector, "wamp.registration.match", "com.example.nothing")).isNull();
        assertThat(call(inspector, "wamp.registration.get", prefix)).isInstanceOfSatisfying(Map.class, details -> {
            assertThat(details).containsEntry("id", prefix).containsEntry("uri", "com.example.items.")
                    .containsEntry("match", "prefix").containsEntry("invoke", "roundrobin");
            assertThat((String) details.get("created")).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
        });
        assertThat(call(inspector, "wamp.registration.list_callees", prefix))
                .isEqualTo(List.of(callee.sessionId, other.sessionId));
        assertThat(call(inspector, "wamp.registration.count_callees", prefix)).isEqualTo(2L);
    }

    @Test
    void unknownRegistrationsAndBadArgumentsGetTheSpecsErrors() {
        TestPeer inspector = TestPeer.joined(router, "realm1");
        for (String procedure : List.of("wamp.registration.get", "wamp.registration.list_callees",
                "wamp.registration.count_callees")) {
            callFails(inspector, WampUris.NO_SUCH_REGISTRATION, procedure, 42L);
        }
        callFails(inspector, WampUris.INVALID_ARGUMENT, "wamp.registration.get", "not an id");
        callFails(inspector, WampUris.INVALID_ARGUMENT, "wamp.registration.lookup", "com.example.exact",
                Map.of("match", "fuzzy"));
        // the router's own procedures are not the clients' business, and not theirs to take
        assertThat(call(inspector, "wamp.registration.list")).isEqualTo(Map.of(
                "exact", List.of(), "prefix", List.of(), "wildcard", List.of()));
        long request = inspector.nextRequest();
        inspector.send(new Register(request, Map.of(), "wamp.registration.list"));
        inspector.nextError(MessageType.REGISTER, request, WampUris.INVALID_URI);
    }

    @Test
    void metaEventsFollowARegistrationsLife() {
        TestPeer watcher = TestPeer.joined(router, "realm1");
        long onCreate = watcher.subscribe("wamp.registration.on_create");
        long onRegister = watcher.subscribe("wamp.registration.on_register");
        long onUnregister = watcher.subscribe("wamp.registration.on_unregister");
        long onDelete = watcher.subscribe("wamp.registration.on_delete");
        TestPeer callee = TestPeer.joined(router, "realm1");

        long registration = callee.register("com.example.watched");

        Event created = watcher.next(Event.class);
        assertThat(created.subscription()).isEqualTo(onCreate);
        assertThat(created.payload().args().get(0)).isEqualTo(callee.sessionId);
        assertThat(created.payload().args().get(1)).isInstanceOfSatisfying(Map.class, details -> assertThat(details)
                .containsEntry("id", registration).containsEntry("uri", "com.example.watched")
                .containsEntry("match", "exact").containsEntry("invoke", "single"));
        Event registered = watcher.next(Event.class);
        assertThat(registered.subscription()).isEqualTo(onRegister);
        assertThat(registered.payload().args()).containsExactly(callee.sessionId, registration);

        long request = callee.nextRequest();
        callee.send(new Unregister(request, registration));
        callee.next(Unregistered.class);

        Event unregistered = watcher.next(Event.class);
        assertThat(unregistered.subscription()).isEqualTo(onUnregister);
        assertThat(unregistered.payload().args()).containsExactly(callee.sessionId, registration);
        Event deleted = watcher.next(Event.class);
        assertThat(deleted.subscription()).isEqualTo(onDelete);
        assertThat(deleted.payload().args()).containsExactly(callee.sessionId, registration);
    }

    @Test
    void inProcessRegistrationsAppearLikeAnyOther() throws Exception {
        TestPeer watcher = TestPeer.joined(router, "realm1");
        watcher.subscribe("wamp.registration.on_register");
        LocalSession local = new LocalSession(router, "realm1",
                new AuthIdentity("spring", "trusted", "local", "test"), executor);

        long registration = local.register("com.example.annotated", Map.of(),
                invocation -> java.util.concurrent.CompletableFuture.completedFuture(Payload.EMPTY))
                .get(5, TimeUnit.SECONDS);

        assertThat(watcher.next(Event.class).payload().args()).containsExactly(local.sessionId(), registration);
        assertThat(call(watcher, "wamp.registration.list_callees", registration))
                .isEqualTo(List.of(local.sessionId()));
        local.close();
    }
}
