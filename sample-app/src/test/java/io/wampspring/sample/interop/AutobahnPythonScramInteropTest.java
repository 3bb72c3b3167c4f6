package io.wampspring.sample.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * autobahn-python's WAMP-SCRAM ({@code AuthScram}, method {@code scram}; Debian's python3-autobahn with python3-argon2)
 * against a test-only realm: a principal configured with a password (the router derives its Argon2id keys in both
 * forms) and one configured with derived values only, made by Python's argon2-cffi the way autobahn-python keys
 * them ({@code argon2id-13}), each joining with the right password in a different serializer; a wrong password and an
 * unknown authid end in ABORT. autobahn-python checks the router's signature in WELCOME itself, so a join means
 * both sides proved themselves. Skipped only when /usr/bin/python3 cannot import autobahn and argon2.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        // the sample's Account bean registers in its secure realm, which a list given here would drop
        "wamp.realms[2].name=secure",
        "wamp.realms[0].name=realm1",
        "wamp.realms[1].name=scram-test",
        "wamp.realms[1].auth-methods=wamp-scram",
        "wamp.realms[1].principals.dave.role=user",
        "wamp.realms[1].principals.dave.scram.password=dave-secret",
        "wamp.realms[1].principals.dave.scram.iterations=2",
        "wamp.realms[1].principals.dave.scram.memory=1024",
        "wamp.realms[1].principals.erin.role=admin",
        "wamp.realms[1].principals.erin.scram.kdf=argon2id-13",
        "wamp.realms[1].principals.erin.scram.iterations=2",
        "wamp.realms[1].principals.erin.scram.memory=1024",
        "wamp.realms[1].principals.erin.scram.salt=ZXJpbi1zYWx0LTE2Ynl0ZQ==",
        "wamp.realms[1].principals.erin.scram.stored-key=oxfAy6uj4WxtSmWJUi5EOqtXGXR+sIkTiyHKa0D1nGE=",
        "wamp.realms[1].principals.erin.scram.server-key=o3dAOla85BBGp/084LeqzZS2GPi0A0MFzXXnnb0+FEI="})
class AutobahnPythonScramInteropTest {


    @LocalServerPort
    int port;

    /** The condition of the test: whether the interpreter has autobahn's Twisted runner and argon2-cffi. */
    static boolean pythonHasAutobahnScram() throws IOException, InterruptedException {
        return PythonScripts.canImport("autobahn.twisted.wamp, argon2, cbor2");
    }

    @ParameterizedTest(name = "{1} in {0}")
    @CsvSource({
            "json,    dave, dave-secret, user",
            "msgpack, erin, erin-secret, admin",
            "cbor,    dave, dave-secret, user",
    })
    @EnabledIf(value = "pythonHasAutobahnScram", disabledReason = "/usr/bin/python3 (or -Dwamp.interop.python) "
            + "cannot import autobahn.twisted.wamp, argon2 and cbor2: apt-get install python3-autobahn python3-argon2 "
            + "python3-cbor2")
    void theRightPasswordJoinsAndTheRouterProvesItself(String serializer, String authid, String password,
            String authrole) throws Exception {
        Map<String, Object> outcome = run(serializer, authid, password);

        assertThat(outcome).doesNotContainKey("failure").doesNotContainKey("abort")
                .containsEntry("kdf", "argon2id-13")
                .containsEntry("welcome", Map.of("authid", authid, "authrole", authrole, "authmethod", "scram"));
    }

    @ParameterizedTest(name = "{1} in {0}")
    @CsvSource({
            "json, dave,   not-dave-secret",
            "cbor, erin,   dave-secret",
            "json, nobody, whatever",
    })
    @EnabledIf(value = "pythonHasAutobahnScram", disabledReason = "/usr/bin/python3 (or -Dwamp.interop.python) "
            + "cannot import autobahn.twisted.wamp, argon2 and cbor2: apt-get install python3-autobahn python3-argon2 "
            + "python3-cbor2")
    @SuppressWarnings("unchecked")
    void aWrongPasswordOrAnUnknownAuthidIsAborted(String serializer, String authid, String password)
            throws Exception {
        Map<String, Object> outcome = run(serializer, authid, password);

        // an unknown authid is challenged like a known one
        assertThat(outcome).doesNotContainKey("failure").doesNotContainKey("welcome")
                .containsEntry("kdf", "argon2id-13");
        assertThat((Map<String, Object>) outcome.get("abort"))
                .containsEntry("reason", "wamp.error.authentication_failed");
    }

    private Map<String, Object> run(String serializer, String authid, String password) throws Exception {
        return runScramClient(port, "scram-test", serializer, authid, password);
    }

    /** Runs scram_client.py (argon2id-13) against {@code realm}: the JSON outcome it printed. */
    static Map<String, Object> runScramClient(int port, String realm, String serializer, String authid,
            String password) throws Exception {
        return PythonScripts.run("scram_client.py", Duration.ofSeconds(90), "ws://127.0.0.1:" + port + "/ws", realm,
                serializer, authid, password, "argon2id-13");
    }
}
