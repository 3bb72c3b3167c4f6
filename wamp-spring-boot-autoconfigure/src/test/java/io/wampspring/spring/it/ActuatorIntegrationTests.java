package io.wampspring.spring.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.wampspring.router.message.Goodbye;
import io.wampspring.router.message.Payload;
import io.wampspring.spring.event.WampRegistrationCreatedEvent;
import io.wampspring.spring.event.WampRouterEvent;
import io.wampspring.spring.event.WampRegistrationRemovedEvent;
import io.wampspring.spring.event.WampSessionClosedEvent;
import io.wampspring.spring.event.WampSessionOpenedEvent;
import io.wampspring.spring.event.WampSubscriptionCreatedEvent;
import io.wampspring.spring.event.WampSubscriptionRemovedEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code wamp} actuator endpoint and health contributor over real HTTP, with sessions of real WebSocket clients
 * and the application's annotated procedures and subscribers; the application events an {@code @EventListener}
 * bean hears. The endpoint has its default access here, so its delete operation is refused.
 */
@Import(ApplicationEventRecorder.class)
@TestPropertySource(properties = {"management.endpoints.web.exposure.include=wamp,health",
        "management.endpoint.health.show-details=always"})
class ActuatorIntegrationTests extends AbstractWampIntegrationTests {

    @Autowired
    ApplicationEventRecorder recorder;

    ActuatorHttp http;

    @BeforeEach
    void http() {
        http = new ActuatorHttp(port);
    }

    @Test
    void endpointShowsRealmsSessionsRegistrationsSubscriptionsAndTotals() {
        TestWampClient json = connect("json");
        long jsonId = json.hello("realm1").session();
        TestWampClient cbor = connect("cbor");
        long cborId = cbor.hello("realm1").session();
        json.subscribe("test.actuator.topic");
        assertThat(json.callForValue("test.add", 1, 2)).isEqualTo(3L);

        ActuatorHttp.Answer answer = http.get("/actuator/wamp");
        assertThat(answer.status()).isEqualTo(200);
        JsonNode root = answer.json();
        assertThat(root.get("accepting").asBoolean()).isTrue();
        JsonNode realm = root.get("realms").get("realm1");
        assertThat(realm.get("name").asString()).isEqualTo("realm1");

        JsonNode jsonSession = session(realm, jsonId);
        assertThat(jsonSession.get("authid").asString()).isEqualTo("anonymous-" + jsonId);
        assertThat(jsonSession.get("authrole").asString()).isEqualTo("anonymous");
        assertThat(jsonSession.get("authmethod").asString()).isEqualTo("anonymous");
        assertThat(jsonSession.get("transport").asString()).isEqualTo("websocket");
        assertThat(jsonSession.get("serializer").asString()).isEqualTo("json");
        assertThat(jsonSession.get("remoteAddress").asString()).startsWith("127.0.0.1:");
        assertThat(jsonSession.get("joinedAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        // HELLO, SUBSCRIBE, CALL in; WELCOME, SUBSCRIBED, RESULT out
        assertThat(jsonSession.get("messagesIn").asLong()).isEqualTo(3);
        assertThat(jsonSession.get("messagesOut").asLong()).isEqualTo(3);
        assertThat(jsonSession.get("queuedBytes").asLong()).isZero();
        assertThat(session(realm, cborId).get("serializer").asString()).isEqualTo("cbor");

        // the annotated endpoints' in-process session: the callee of test.add
        JsonNode add = byUri(realm.get("registrations"), "test.add");
        assertThat(add.get("match").asString()).isEqualTo("exact");
        assertThat(add.get("invoke").asString()).isEqualTo("single");
        assertThat(add.get("callees")).hasSize(1);
        JsonNode local = session(realm, add.get("callees").get(0).asLong());
        assertThat(local.get("transport").asString()).isEqualTo("local");
        assertThat(local.get("authmethod").asString()).isEqualTo("local");
        // no counters for an in-process session: nulls are left out of the answer
        assertThat(local.has("messagesIn")).isFalse();
        assertThat(local.has("remoteAddress")).isFalse();
        assertThat(byUri(realm.get("registrations"), "com.test.items.").get("match").asString()).isEqualTo("prefix");

        JsonNode topic = byUri(realm.get("subscriptions"), "test.actuator.topic");
        assertThat(topic.get("match").asString()).isEqualTo("exact");
        assertThat(topic.get("subscribers").asInt()).isEqualTo(1);
        assertThat(byUri(realm.get("subscriptions"), "test.pattern.sensor.").get("match").asString())
                .isEqualTo("prefix");

        JsonNode totals = root.get("totals");
        assertThat(totals.get("realms").asInt()).isEqualTo(root.get("realms").size());
        assertThat(totals.get("sessions").asInt()).isEqualTo(realm.get("sessions").size()).isGreaterThanOrEqualTo(3);
        assertThat(totals.get("registrations").asInt()).isEqualTo(realm.get("registrations").size());
        assertThat(totals.get("subscriptions").asInt()).isEqualTo(realm.get("subscriptions").size());
        assertThat(totals.get("sessionsOpened").asLong()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void selectorsShowOneRealmOrOneSession() {
        TestWampClient client = connect("json");
        long id = client.hello("realm1").session();

        JsonNode realm = http.get("/actuator/wamp/realm1").json();
        assertThat(realm.get("name").asString()).isEqualTo("realm1");
        assertThat(session(realm, id).get("serializer").asString()).isEqualTo("json");

        ActuatorHttp.Answer one = http.get("/actuator/wamp/realm1/" + id);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().get("id").asLong()).isEqualTo(id);
        assertThat(one.json().get("authrole").asString()).isEqualTo("anonymous");

        assertThat(http.get("/actuator/wamp/no-such-realm").status()).isEqualTo(404);
        assertThat(http.get("/actuator/wamp/realm1/" + (id + 1)).status()).isEqualTo(404);
    }

    @Test
    void deleteIsRefusedByDefault() {
        TestWampClient client = connect("json");
        long id = client.hello("realm1").session();

        ActuatorHttp.Answer answer = http.delete("/actuator/wamp/realm1/" + id);
        assertThat(answer.status()).isEqualTo(405);
        // the session lives on
        assertThat(client.callForValue("test.add", 2, 3)).isEqualTo(5L);
        assertThat(client.drainInbox()).noneMatch(Goodbye.class::isInstance);
        assertThat(http.get("/actuator/wamp/realm1/" + id).status()).isEqualTo(200);
    }

    @Test
    void healthIsUpWithSessionCounts() {
        TestWampClient client = join("json");
        ActuatorHttp.Answer answer = http.get("/actuator/health/wamp");
        assertThat(answer.status()).isEqualTo(200);
        JsonNode health = answer.json();
        assertThat(health.get("status").asString()).isEqualTo("UP");
        int realm1 = health.get("details").get("realms").get("realm1").get("sessions").asInt();
        assertThat(realm1).isGreaterThanOrEqualTo(2); // this client and the annotated endpoints' session
        assertThat(health.get("details").get("sessions").asInt()).isGreaterThanOrEqualTo(realm1);
        assertThat(client.callForValue("test.add", 1, 1)).isEqualTo(2L);
    }

    @Test
    void listenersHearSessionsRegistrationsAndSubscriptionsComeAndGo() {
        recorder.events.clear();
        TestWampClient client = connect("json");
        long id = client.hello("realm1").session();
        long registration = client.register("test.actuator.events.proc", invocation -> Payload.EMPTY);
        long subscription = client.subscribeWith("test.actuator.events.topic", Map.of());
        client.close();

        List<Object> heard = new ArrayList<>();
        await().until(() -> {
            recorder.events.drainTo(heard);
            return heard.stream().anyMatch(event -> event instanceof WampSessionClosedEvent closed
                    && closed.sessionId() == id);
        });
        List<Object> mine = heard.stream()
                .filter(event -> event instanceof WampRouterEvent routerEvent && routerEvent.sessionId() == id)
                .toList();
        assertThat(mine).containsExactly(
                new WampSessionOpenedEvent("realm1", id, "anonymous-" + id, "anonymous", "anonymous", "websocket"),
                new WampRegistrationCreatedEvent("realm1", registration, "test.actuator.events.proc", "exact",
                        "single", id),
                new WampSubscriptionCreatedEvent("realm1", subscription, "test.actuator.events.topic", "exact", id),
                // leaving: the dealer lets go of the registrations, then the broker of the subscriptions
                new WampRegistrationRemovedEvent("realm1", registration, "test.actuator.events.proc", "exact", id),
                new WampSubscriptionRemovedEvent("realm1", subscription, "test.actuator.events.topic", "exact", id),
                new WampSessionClosedEvent("realm1", id, "anonymous-" + id, "anonymous"));
        assertThat(recorder.lastThread.getName()).isEqualTo("wamp-application-events");
    }

    private static JsonNode session(JsonNode realm, long id) {
        for (JsonNode session : realm.get("sessions")) {
            if (session.get("id").asLong() == id) {
                return session;
            }
        }
        throw new AssertionError("no session " + id + " in " + realm.get("sessions"));
    }

    private static JsonNode byUri(JsonNode entries, String uri) {
        for (JsonNode entry : entries) {
            if (entry.get("uri").asString().equals(uri)) {
                return entry;
            }
        }
        throw new AssertionError("no " + uri + " in " + entries);
    }
}
