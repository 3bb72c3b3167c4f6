package io.wampspring.spring.it;

import io.wampspring.router.message.Goodbye;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** With unrestricted access, a DELETE of {@code /actuator/wamp/{realm}/{sessionId}} kills the session. */
@TestPropertySource(properties = {"management.endpoints.web.exposure.include=wamp",
        "management.endpoint.wamp.access=unrestricted"})
class ActuatorDeleteIntegrationTests extends AbstractWampIntegrationTests {

    @Test
    void deleteKillsTheSessionWithGoodbye() {
        ActuatorHttp http = new ActuatorHttp(port);
        TestWampClient victim = connect("json");
        long id = victim.hello("realm1").session();
        TestWampClient bystander = join("cbor");

        ActuatorHttp.Answer answer = http.delete("/actuator/wamp/realm1/" + id);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("id").asLong()).isEqualTo(id);
        assertThat(answer.json().get("serializer").asString()).isEqualTo("json");

        assertThat(victim.next()).isInstanceOfSatisfying(Goodbye.class, goodbye -> {
            assertThat(goodbye.reason()).isEqualTo("wamp.close.killed");
            assertThat(goodbye.details()).containsEntry("message", "killed through the actuator");
        });
        // the client answered GOODBYE: the router closes the connection
        assertThat(victim.awaitClose()).isEqualTo(1000);
        assertThat(http.get("/actuator/wamp/realm1/" + id).status()).isEqualTo(404);
        // a session that is gone: nothing to kill, no body (Boot's answer to a delete operation returning null)
        assertThat(http.delete("/actuator/wamp/realm1/" + id).status()).isEqualTo(204);
        // every other session carries on
        assertThat(bystander.callForValue("test.add", 4, 5)).isEqualTo(9L);
    }
}
