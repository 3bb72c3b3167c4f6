package io.wampspring.spring.it;

import java.security.KeyPair;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.wampspring.router.message.Abort;
import io.wampspring.router.message.Challenge;
import io.wampspring.router.message.WampMessage;
import io.wampspring.router.message.Welcome;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ticket, WAMP-CRA (plain and salted) and cryptosign configured in application properties, each joined over a real
 * WebSocket with the right credential and refused with a wrong one, for each serializer.
 */
@TestPropertySource(properties = {
        "wamp.realms[0].name=realm1",
        "wamp.realms[1].name=secure",
        "wamp.realms[1].auth-methods=ticket,wampcra,cryptosign",
        "wamp.realms[1].principals.alice.role=user",
        "wamp.realms[1].principals.alice.ticket=${test.alice-ticket}",
        "test.alice-ticket=alice-ticket",
        "wamp.realms[1].principals.hashed.role=auditor",
        "wamp.realms[1].principals.hashed.ticket=${test.hashed-ticket}",
        "wamp.realms[1].principals.plain.role=user",
        "wamp.realms[1].principals.plain.ticket={noop}plain-ticket",
        "wamp.realms[1].principals.bob.role=user",
        "wamp.realms[1].principals.bob.wampcra.secret=bob-secret",
        "wamp.realms[1].principals.salty.role=admin",
        "wamp.realms[1].principals.salty.wampcra.secret=salty-secret",
        "wamp.realms[1].principals.salty.wampcra.salt=pepper",
        "wamp.realms[1].principals.salty.wampcra.iterations=100",
        "wamp.realms[1].principals.salty.wampcra.keylen=16",
        "wamp.realms[1].principals.carol.role=admin",
        "wamp.realms[1].principals.carol.cryptosign.public-keys="
                + "1dfafe7d2ca3b8ddf75776ffcd49379ef93003a152f82717ce6ef6d38047e6db",
})
class AuthenticationIntegrationTests extends AbstractWampIntegrationTests {

    private static final KeyPair CAROL =
            ClientSignatures.ed25519("f51f39b25d4e4e7a2fc899ca3dcb8bb09681610842e2875aeef2f026cd37a7bd");
    private static final KeyPair STRANGER =
            ClientSignatures.ed25519("0000000000000000000000000000000000000000000000000000000000000001");

    /** An indexed list binds from one property source: the realm refers to the hash by placeholder. */
    @DynamicPropertySource
    static void hashedTicket(DynamicPropertyRegistry registry) {
        registry.add("test.hashed-ticket",
                () -> "{bcrypt}" + new BCryptPasswordEncoder(4).encode("hashed-ticket"));
    }

    private WampMessage join(String serializer, String method, @Nullable String authid,
            @Nullable Map<String, Object> authextra, Function<Challenge, String> respond) {
        Map<String, Object> details = new HashMap<>(TestWampSession.helloDetails());
        details.put("authmethods", List.of(method));
        if (authid != null) {
            details.put("authid", authid);
        }
        if (authextra != null) {
            details.put("authextra", authextra);
        }
        return connect(serializer).authenticate("secure", details, respond);
    }

    private static void assertWelcome(WampMessage reply, String authid, String authrole, String authmethod) {
        assertThat(reply).isInstanceOf(Welcome.class);
        assertThat(((Welcome) reply).details()).containsEntry("authid", authid).containsEntry("authrole", authrole)
                .containsEntry("authmethod", authmethod).containsEntry("realm", "secure");
    }

    private static void assertAuthenticationFailed(WampMessage reply) {
        assertThat(reply).isInstanceOf(Abort.class);
        assertThat(((Abort) reply).reason()).isEqualTo("wamp.error.authentication_failed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "msgpack", "cbor"})
    void ticketsPlainFromAPlaceholderNoopAndBcrypt(String serializer) {
        assertWelcome(join(serializer, "ticket", "alice", null, challenge -> "alice-ticket"), "alice", "user",
                "ticket");
        assertWelcome(join(serializer, "ticket", "plain", null, challenge -> "plain-ticket"), "plain", "user",
                "ticket");
        assertWelcome(join(serializer, "ticket", "hashed", null, challenge -> "hashed-ticket"), "hashed", "auditor",
                "ticket");

        assertAuthenticationFailed(join(serializer, "ticket", "alice", null, challenge -> "plain-ticket"));
        assertAuthenticationFailed(join(serializer, "ticket", "hashed", null, challenge -> "{bcrypt}x"));
        assertAuthenticationFailed(join(serializer, "ticket", "nobody", null, challenge -> "alice-ticket"));
        assertRouterStillServes(serializer);
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "msgpack", "cbor"})
    void wampcraPlainAndSalted(String serializer) {
        assertWelcome(join(serializer, "wampcra", "bob", null, challenge -> ClientSignatures.wampcra("bob-secret",
                challenge)), "bob", "user", "wampcra");
        assertWelcome(join(serializer, "wampcra", "salty", null, challenge -> {
            assertThat(challenge.extra()).containsEntry("salt", "pepper").containsEntry("iterations", 100L)
                    .containsEntry("keylen", 16L);
            return ClientSignatures.wampcra("salty-secret", challenge);
        }), "salty", "admin", "wampcra");

        assertAuthenticationFailed(join(serializer, "wampcra", "bob", null,
                challenge -> ClientSignatures.wampcra("salty-secret", challenge)));
        assertAuthenticationFailed(join(serializer, "wampcra", "nobody", null,
                challenge -> ClientSignatures.wampcra("bob-secret", challenge)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "msgpack", "cbor"})
    void cryptosignWithAndWithoutAuthid(String serializer) {
        Map<String, Object> carolsKey = Map.of("pubkey", ClientSignatures.publicKeyHex(CAROL));
        assertWelcome(join(serializer, "cryptosign", null, carolsKey,
                challenge -> ClientSignatures.cryptosign(CAROL, challenge)), "carol", "admin", "cryptosign");
        assertWelcome(join(serializer, "cryptosign", "carol", carolsKey,
                challenge -> ClientSignatures.cryptosign(CAROL, challenge)), "carol", "admin", "cryptosign");

        assertAuthenticationFailed(join(serializer, "cryptosign", null, carolsKey,
                challenge -> ClientSignatures.cryptosign(STRANGER, challenge)));
        assertAuthenticationFailed(join(serializer, "cryptosign", null,
                Map.of("pubkey", ClientSignatures.publicKeyHex(STRANGER)),
                challenge -> ClientSignatures.cryptosign(STRANGER, challenge)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"json"})
    void aMethodTheRealmDoesNotOfferAndAnonymousAreRefused(String serializer) {
        WampMessage reply = join(serializer, "anonymous", null, null, challenge -> "");
        assertThat(reply).isInstanceOf(Abort.class);
        assertThat(((Abort) reply).reason()).isEqualTo("wamp.error.no_matching_auth_method");
    }
}
