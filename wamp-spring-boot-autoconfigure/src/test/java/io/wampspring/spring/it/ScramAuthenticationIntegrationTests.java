package io.wampspring.spring.it;

import java.util.Map;

import io.wampspring.router.WampUris;
import io.wampspring.router.message.Abort;
import io.wampspring.router.message.Challenge;
import io.wampspring.router.message.Hello;
import io.wampspring.router.message.WampMessage;
import io.wampspring.router.message.Welcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * WAMP-SCRAM configured by properties, over real WebSockets: dave with a password (the router derives his keys at
 * start-up), erin with derived values only (computed with Python's hashlib, so the configuration holds no password),
 * each with the right and a wrong password, in each serializer, under both method names.
 */
@TestPropertySource(properties = {
        "wamp.realms[0].name=realm1",
        "wamp.realms[1].name=secure",
        "wamp.realms[1].auth-methods=wamp-scram",
        "wamp.realms[1].principals.dave.role=user",
        "wamp.realms[1].principals.dave.scram.password=dave-secret",
        "wamp.realms[1].principals.dave.scram.iterations=1",
        "wamp.realms[1].principals.dave.scram.memory=1024",
        "wamp.realms[1].principals.erin.role=admin",
        "wamp.realms[1].principals.erin.scram.kdf=pbkdf2",
        "wamp.realms[1].principals.erin.scram.iterations=4096",
        "wamp.realms[1].principals.erin.scram.salt=ZXJpbi1zYWx0LTE2Ynl0ZQ==",
        "wamp.realms[1].principals.erin.scram.stored-key=FWns7l5F/FVaMNPHfRcz6eghV1UXes892OTXoOsKTNY=",
        "wamp.realms[1].principals.erin.scram.server-key=94p5S0Qloed58TObd1Qan5qykoE7PK/SVoq/4+zMJCg="})
class ScramAuthenticationIntegrationTests extends AbstractWampIntegrationTests {

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({
            "json,    dave, dave-secret, user,  argon2id13",
            "msgpack, erin, erin-secret, admin, pbkdf2",
            "cbor,    dave, dave-secret, user,  argon2id13",
    })
    void theRightPasswordJoinsWithThePrincipalsRole(String serializer, String authid, String password,
            String authrole, String kdf) {
        ScramClient scram = new ScramClient(authid, password);
        TestWampClient client = connect(serializer);
        client.send(new Hello("secure", scram.helloDetails("wamp-scram")));
        Challenge challenge = (Challenge) client.next();
        assertThat(challenge.extra()).containsEntry("kdf", kdf);
        client.send(scram.answer(challenge));

        WampMessage reply = client.next();
        assertThat(reply).isInstanceOf(Welcome.class);
        assertThat(((Welcome) reply).details()).containsEntry("authid", authid).containsEntry("authrole", authrole)
                .containsEntry("authmethod", "wamp-scram")
                .containsEntry("authextra", Map.of("verifier", scram.expectedVerifier()));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "wamp-scram, dave",
            "wamp-scram, erin",
            "scram,      erin",
            "wamp-scram, nobody",
    })
    void aWrongPasswordOrAnUnknownAuthidIsAborted(String method, String authid) {
        ScramClient scram = new ScramClient(authid, "wrong-secret");
        TestWampClient client = connect("json");
        client.send(new Hello("secure", scram.helloDetails(method)));
        Challenge challenge = (Challenge) client.next();
        assertThat(challenge.authMethod()).isEqualTo(method);
        client.send(scram.answer(challenge));

        Abort abort = client.nextAbort();
        assertThat(abort.reason()).isEqualTo(WampUris.AUTHENTICATION_FAILED);
        assertRouterStillServes("json");
    }
}
