package io.wampspring.benchmarks.jmh;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.wampspring.router.auth.AnonymousAuthenticator;
import io.wampspring.router.auth.AuthDecision;
import io.wampspring.router.auth.AuthRequest;
import io.wampspring.router.auth.Authenticator;
import io.wampspring.router.auth.CraPrincipal;
import io.wampspring.router.auth.CraSalt;
import io.wampspring.router.auth.CryptosignAuthenticator;
import io.wampspring.router.auth.CryptosignPrincipal;
import io.wampspring.router.auth.PrincipalTicketVerifier;
import io.wampspring.router.auth.ScramAuthenticator;
import io.wampspring.router.auth.ScramCredentialLookup;
import io.wampspring.router.auth.ScramDialect;
import io.wampspring.router.auth.ScramParameters;
import io.wampspring.router.auth.ScramPrincipal;
import io.wampspring.router.auth.SecretMatcher;
import io.wampspring.router.auth.TicketAuthenticator;
import io.wampspring.router.auth.TicketPrincipal;
import io.wampspring.router.auth.WampCraAuthenticator;
import io.wampspring.router.message.Authenticate;
import io.wampspring.router.transport.TransportInfo;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The router's CPU per authentication, by method, with the principals configured as the Spring side configures them
 * (the defaults of {@code wamp.realms[].principals}): {@link #challenge} is {@link Authenticator#authenticate} for a
 * HELLO (for {@code anonymous}, the whole handshake: it accepts at once), {@link #verify} is the CHALLENGE's
 * {@link AuthDecision.Responder} answering a correct AUTHENTICATE (computed once at setup by the client's math,
 * written here from the spec; a responder checks the same answer each time as it would check it once). A handshake
 * costs the router {@code challenge + verify}; what the client computes is not in either.
 *
 * <p>Methods: {@code anonymous} (the baseline); {@code ticket} with the ticket stored as is, and {@code ticket-bcrypt}
 * stored as {@code {bcrypt}...} (Spring Security's delegating encoder, strength 10, as a {@link SecretMatcher});
 * {@code wampcra} with a plain secret and {@code wampcra-salted} (PBKDF2 1,000 iterations, derived once when the
 * principal is built, as the router does); {@code cryptosign} (an Ed25519 verify); {@code wamp-scram-argon2id} and
 * {@code wamp-scram-pbkdf2} with the Spring side's default costs (Argon2id 2 iterations, 19,456 KiB; PBKDF2 600,000
 * iterations), whose key derivation the router does once per principal at startup and the client at every login.
 * {@link ScramKeyDerivationBenchmark} measures that client side for comparison.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class AuthenticationBenchmark {

    static final int ARGON2_ITERATIONS = 2;
    static final int ARGON2_MEMORY_KIB = 19_456;
    static final int PBKDF2_ITERATIONS = 600_000;

    private static final String REALM = "secure";
    private static final String PASSWORD = "correct horse battery staple";
    private static final TransportInfo TRANSPORT = new TransportInfo("websocket", "wamp.2.json", null, null);

    @Param({"anonymous", "ticket", "ticket-bcrypt", "wampcra", "wampcra-salted", "cryptosign",
            "wamp-scram-argon2id", "wamp-scram-pbkdf2"})
    String method;

    private Authenticator authenticator;
    private AuthRequest request;
    private AuthDecision.Responder responder;
    private Authenticate answer;
    private long sessionId = 1;

    @Setup
    public void setUp() throws GeneralSecurityException {
        ClientSide client = switch (method) {
            case "anonymous" -> anonymous();
            case "ticket" -> ticket(SecretMatcher.PLAIN, PASSWORD);
            case "ticket-bcrypt" -> {
                PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
                yield ticket(encoder::matches, encoder.encode(PASSWORD));
            }
            case "wampcra" -> wampcra(CraPrincipal.plain("user", PASSWORD), PASSWORD.getBytes(StandardCharsets.UTF_8));
            case "wampcra-salted" -> {
                CraSalt salt = new CraSalt("pepper-17", 1000, 32);
                yield wampcra(CraPrincipal.salted("user", PASSWORD, salt),
                        ClientMath.craDerivedKey(PASSWORD, salt.salt(), salt.iterations(), salt.keylen()));
            }
            case "cryptosign" -> cryptosign();
            case "wamp-scram-argon2id" -> scram(ScramParameters.argon2id(ARGON2_ITERATIONS, ARGON2_MEMORY_KIB));
            case "wamp-scram-pbkdf2" -> scram(ScramParameters.pbkdf2(PBKDF2_ITERATIONS));
            default -> throw new IllegalArgumentException("method " + method);
        };
        AuthDecision first = authenticator.authenticate(request).toCompletableFuture().join();
        if (first instanceof AuthDecision.Challenge challenge) {
            responder = challenge.responder();
            answer = client.answer(challenge.extra());
            AuthDecision last = verify();
            if (!(last instanceof AuthDecision.Accept)) {
                throw new IllegalStateException(method + ": the correct AUTHENTICATE was not accepted: " + last);
            }
        }
        else if (!(first instanceof AuthDecision.Accept) || !method.equals("anonymous")) {
            throw new IllegalStateException(method + ": HELLO was not challenged: " + first);
        }
    }

    /** HELLO to CHALLENGE (or, for anonymous, to WELCOME): a fresh challenge, nonce and all, each time. */
    @Benchmark
    public AuthDecision challenge() {
        return authenticator.authenticate(request).toCompletableFuture().join();
    }

    /** AUTHENTICATE to WELCOME: the check of a correct answer (not for anonymous, which has no second step). */
    @Benchmark
    public AuthDecision verify() {
        if (responder == null) {
            throw new IllegalStateException("anonymous has no AUTHENTICATE step: run verify without it");
        }
        return responder.respond(answer).toCompletableFuture().join();
    }

    /** What the client answers a CHALLENGE with, given its extra. */
    @FunctionalInterface
    interface ClientSide {
        Authenticate answer(Map<String, Object> challengeExtra) throws GeneralSecurityException;
    }

    private ClientSide anonymous() {
        authenticator = new AnonymousAuthenticator("anonymous");
        request = hello(null, Map.of());
        return extra -> {
            throw new IllegalStateException("anonymous is never challenged");
        };
    }

    private ClientSide ticket(SecretMatcher matcher, String stored) {
        authenticator = new TicketAuthenticator(new PrincipalTicketVerifier(
                Map.of("alice", new TicketPrincipal("user", stored)), matcher, "static"));
        request = hello("alice", Map.of());
        return extra -> new Authenticate(PASSWORD, Map.of());
    }

    private ClientSide wampcra(CraPrincipal principal, byte[] clientKey) {
        authenticator = new WampCraAuthenticator(Map.of("bob", principal), "static");
        request = hello("bob", Map.of());
        return extra -> new Authenticate(ClientMath.craSignature(clientKey, (String) extra.get("challenge")),
                Map.of());
    }

    private ClientSide cryptosign() throws GeneralSecurityException {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] encoded = pair.getPublic().getEncoded();
        String publicKey = HexFormat.of().formatHex(encoded, encoded.length - 32, encoded.length);
        authenticator = new CryptosignAuthenticator(
                List.of(new CryptosignPrincipal("carol", "user", List.of(publicKey))), "static");
        request = hello("carol", Map.of("pubkey", publicKey));
        return extra -> {
            String challenge = (String) extra.get("challenge");
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(pair.getPrivate());
            signer.update(HexFormat.of().parseHex(challenge));
            // as autobahn sends it: the signature, then the challenge
            return new Authenticate(HexFormat.of().formatHex(signer.sign()) + challenge, Map.of());
        };
    }

    private ClientSide scram(ScramParameters parameters) {
        String clientNonce = Base64.getEncoder().encodeToString(ClientMath.random(16));
        authenticator = new ScramAuthenticator(ScramDialect.WAMP_SCRAM,
                ScramCredentialLookup.of(Map.of("dave", ScramPrincipal.fromPassword("user", PASSWORD, parameters))),
                parameters);
        Map<String, Object> authextra = new HashMap<>();
        authextra.put("nonce", clientNonce);
        authextra.put("channel_binding", null);
        request = hello("dave", authextra);
        return extra -> ClientMath.scramAuthenticate("dave", PASSWORD, clientNonce, extra);
    }

    private AuthRequest hello(String authid, Map<String, Object> authextra) {
        Map<String, Object> details = new HashMap<>();
        details.put("authmethods", List.of(method.replaceFirst("-(bcrypt|salted|argon2id|pbkdf2)$", "")));
        if (authid != null) {
            details.put("authid", authid);
        }
        details.put("authextra", authextra);
        return new AuthRequest(sessionId++, REALM, authid, details, TRANSPORT);
    }
}
