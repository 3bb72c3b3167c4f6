package io.wampspring.sample.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.wampspring.sample.interop.NodeWampClient.JoinOutcome;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * Ticket, WAMP-CRA (plain and salted) and cryptosign with a real third-party client's own authentication code, in a
 * test-only realm: each method joins with the configured role, a wrong credential and an unknown principal are
 * aborted with wamp.error.authentication_failed. Subclasses say how their client joins.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "wamp.realms[0].name=realm1",
        "wamp.realms[1].name=" + AbstractAuthenticationInteropTest.REALM,
        "wamp.realms[1].auth-methods=ticket,wampcra,cryptosign",
        "wamp.realms[1].principals.alice.role=user",
        "wamp.realms[1].principals.alice.ticket=alice-ticket",
        "wamp.realms[1].principals.bob.role=user",
        "wamp.realms[1].principals.bob.wampcra.secret=bob-secret",
        "wamp.realms[1].principals.salty.role=admin",
        "wamp.realms[1].principals.salty.wampcra.secret=salty-secret",
        "wamp.realms[1].principals.salty.wampcra.salt=pepper",
        "wamp.realms[1].principals.salty.wampcra.iterations=100",
        "wamp.realms[1].principals.salty.wampcra.keylen=32",
        "wamp.realms[1].principals.carol.role=admin",
        "wamp.realms[1].principals.carol.cryptosign.public-keys=" + AbstractAuthenticationInteropTest.CAROL_PUBLIC_KEY,
})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractAuthenticationInteropTest {

    static final String REALM = "interop.auth";
    /** The demo key pair of carol: the seed (autobahn's private key) and its Ed25519 public key. */
    static final String CAROL_SEED = "f51f39b25d4e4e7a2fc899ca3dcb8bb09681610842e2875aeef2f026cd37a7bd";
    static final String CAROL_PUBLIC_KEY = "1dfafe7d2ca3b8ddf75776ffcd49379ef93003a152f82717ce6ef6d38047e6db";
    private static final String STRANGER_SEED = "0000000000000000000000000000000000000000000000000000000000000001";
    private static final String FAILED = "wamp.error.authentication_failed";

    /**
     * Joins {@link #REALM} with one method: {@code credential} is the ticket, the WAMP-CRA secret, or the cryptosign
     * private key (seed, hex); the client derives a salted key and the public key itself.
     */
    abstract JoinOutcome join(String method, @Nullable String authid, String credential) throws Exception;

    @Test
    void aTicketJoinsWithTheConfiguredRole() throws Exception {
        assertThat(join("ticket", "alice", "alice-ticket")).isEqualTo(new JoinOutcome("alice", "user", "ticket", null));
    }

    @Test
    void aWrongTicketIsAborted() throws Exception {
        assertThat(join("ticket", "alice", "bob-secret").abortReason()).isEqualTo(FAILED);
    }

    @Test
    void anUnknownAuthidIsAbortedLikeAWrongCredential() throws Exception {
        assertThat(join("ticket", "mallory", "alice-ticket").abortReason()).isEqualTo(FAILED);
        assertThat(join("wampcra", "mallory", "bob-secret").abortReason()).isEqualTo(FAILED);
    }

    @Test
    void wampcraJoinsWithTheConfiguredRole() throws Exception {
        assertThat(join("wampcra", "bob", "bob-secret")).isEqualTo(new JoinOutcome("bob", "user", "wampcra", null));
    }

    @Test
    void aSaltedWampcraSecretIsDerivedByTheClient() throws Exception {
        assertThat(join("wampcra", "salty", "salty-secret"))
                .isEqualTo(new JoinOutcome("salty", "admin", "wampcra", null));
    }

    @Test
    void aWrongWampcraSecretIsAborted() throws Exception {
        assertThat(join("wampcra", "bob", "salty-secret").abortReason()).isEqualTo(FAILED);
        assertThat(join("wampcra", "salty", "bob-secret").abortReason()).isEqualTo(FAILED);
    }

    @Test
    void cryptosignFindsThePrincipalFromThePublicKey() throws Exception {
        assertThat(join("cryptosign", null, CAROL_SEED))
                .isEqualTo(new JoinOutcome("carol", "admin", "cryptosign", null));
        assertThat(join("cryptosign", "carol", CAROL_SEED))
                .isEqualTo(new JoinOutcome("carol", "admin", "cryptosign", null));
    }

    @Test
    void anUnknownCryptosignKeyIsAborted() throws Exception {
        assertThat(join("cryptosign", null, STRANGER_SEED).abortReason()).isEqualTo(FAILED);
        assertThat(join("cryptosign", "carol", STRANGER_SEED).abortReason()).isEqualTo(FAILED);
    }
}
