package io.wampspring.router.service;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.wampspring.router.RealmConfig;
import io.wampspring.router.RouterConfig;
import io.wampspring.router.TestPeer;
import io.wampspring.router.WampRouter;
import io.wampspring.router.WampUris;
import io.wampspring.router.auth.AnonymousAuthenticator;
import io.wampspring.router.auth.AuthDecision;
import io.wampspring.router.auth.AuthIdentity;
import io.wampspring.router.auth.AuthRequest;
import io.wampspring.router.auth.Authorizer;
import io.wampspring.router.message.ErrorMessage;
import io.wampspring.router.message.Invocation;
import io.wampspring.router.message.MessageType;
import io.wampspring.router.message.Payload;
import io.wampspring.router.message.Yield;
import io.wampspring.router.transport.TransportInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dynamic ticket authenticator: the router calls a procedure that a remote callee registered, through the
 * realm's dealer, and turns its answer (a role, a principal dictionary, an error) into the authentication's decision.
 */
class ProcedureTicketVerifierTest {

    private static final String AUTHENTICATE = "com.example.authenticate";

    private final AtomicReference<WampRouter> routerRef = new AtomicReference<>();
    private final WampRouter router = start();
    private final TestPeer callee = TestPeer.joined(router, "realm1");
    private final ProcedureTicketVerifier verifier = new ProcedureTicketVerifier(routerRef::get, AUTHENTICATE, null);

    private WampRouter start() {
        RouterConfig defaults = RouterConfig.defaults();
        WampRouter started = new WampRouter(new RouterConfig(defaults.uriCheck(), defaults.sendBufferBytes(),
                defaults.slowConsumerPolicy(), defaults.closeTimeout(), Duration.ofSeconds(2)),
                List.of(realm("realm1"), realm("auth")));
        routerRef.set(started);
        return started;
    }

    private static RealmConfig realm(String name) {
        return new RealmConfig(name, List.of(new AnonymousAuthenticator("anonymous")), Authorizer.PERMIT_ALL);
    }

    @AfterEach
    void shutdown() {
        router.shutdown(Duration.ZERO);
    }

    private static AuthRequest request(String authid) {
        return new AuthRequest(4711, "realm1", authid, Map.of("authmethods", List.of("ticket"),
                "authextra", Map.of("device", "phone")),
                new TransportInfo("websocket", "json", new InetSocketAddress("127.0.0.1", 5555), null));
    }

    private static AuthDecision await(CompletableFuture<AuthDecision> decision) throws Exception {
        return decision.get(10, TimeUnit.SECONDS);
    }

    private CompletableFuture<AuthDecision> verify(String authid, String ticket) {
        return verifier.verify(request(authid), ticket).toCompletableFuture();
    }

    private void answer(Payload payload) {
        Invocation invocation = callee.next(Invocation.class);
        callee.send(new Yield(invocation.request(), Map.of(), payload));
    }

    private void fail(String error, Object... args) {
        Invocation invocation = callee.next(Invocation.class);
        callee.send(new ErrorMessage(MessageType.INVOCATION, invocation.request(), Map.of(), error,
                Payload.of(List.of(args), null)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theProcedureGetsRealmAuthidAndDetailsAndItsRoleIsAccepted() throws Exception {
        callee.register(AUTHENTICATE);

        CompletableFuture<AuthDecision> decision = verify("alice", "alice-ticket");
        Invocation invocation = callee.next(Invocation.class);
        callee.send(new Yield(invocation.request(), Map.of(), Payload.ofArgs("user")));

        assertThat(invocation.payload().args()).hasSize(3).startsWith("realm1", "alice");
        assertThat((Map<Object, Object>) invocation.payload().args().get(2)).containsEntry("ticket", "alice-ticket")
                .containsEntry("session", 4711L)
                .containsEntry("authmethod", "ticket")
                .containsEntry("authextra", Map.of("device", "phone"))
                .containsEntry("transport", Map.of("type", "websocket", "serializer", "json",
                        "peer", "127.0.0.1:5555"));
        assertThat(await(decision)).isEqualTo(AuthDecision.accept(
                new AuthIdentity("alice", "user", "ticket", "dynamic", Map.of())));
    }

    @Test
    void aPrincipalDictionaryMayReplaceTheAuthidAndAddExtra() throws Exception {
        callee.register(AUTHENTICATE);

        CompletableFuture<AuthDecision> decision = verify("alice", "t");
        answer(Payload.ofArgs(Map.of("role", "admin", "authid", "alice@example.com", "extra", Map.of("tier", 2))));

        assertThat(await(decision)).isEqualTo(AuthDecision.accept(new AuthIdentity("alice@example.com", "admin",
                "ticket", "dynamic", Map.of("tier", 2L))));
    }

    @Test
    void authenticationFailedAndNotAuthorizedAreKeptOtherErrorsBecomeAuthenticationFailed() throws Exception {
        callee.register(AUTHENTICATE);

        CompletableFuture<AuthDecision> wrong = verify("alice", "wrong");
        fail(WampUris.AUTHENTICATION_FAILED, "wrong ticket");
        CompletableFuture<AuthDecision> banned = verify("mallory", "t");
        fail(WampUris.NOT_AUTHORIZED, "banned");
        CompletableFuture<AuthDecision> unknown = verify("nobody", "t");
        fail("com.example.no_such_user", "no such user");

        assertThat(await(wrong)).isEqualTo(AuthDecision.reject(WampUris.AUTHENTICATION_FAILED, "wrong ticket"));
        assertThat(await(banned)).isEqualTo(AuthDecision.reject(WampUris.NOT_AUTHORIZED, "banned"));
        assertThat(await(unknown)).isEqualTo(AuthDecision.reject(WampUris.AUTHENTICATION_FAILED, "no such user"));
    }

    @Test
    void anAnswerWithoutARoleIsRefused() throws Exception {
        callee.register(AUTHENTICATE);

        CompletableFuture<AuthDecision> nothing = verify("alice", "t");
        answer(Payload.EMPTY);
        CompletableFuture<AuthDecision> number = verify("alice", "t");
        answer(Payload.ofArgs(42));
        CompletableFuture<AuthDecision> noAuthid = verifier.verify(
                new AuthRequest(1, "realm1", null, Map.of(), TransportInfo.local()), "t").toCompletableFuture();
        answer(Payload.ofArgs("user"));

        assertThat(List.of(await(nothing), await(number), await(noAuthid))).allSatisfy(decision ->
                assertThat(decision).isInstanceOfSatisfying(AuthDecision.Reject.class,
                        reject -> assertThat(reject.reason()).isEqualTo(WampUris.AUTHENTICATION_FAILED)));
        assertThat(Arrays.asList(callee.received().stream()
                .filter(Invocation.class::isInstance).map(message -> ((Invocation) message).payload().args().get(1))
                .toArray())).containsExactly("alice", "alice", null);
    }

    @Test
    void aMissingAuthenticatorRefusesWithoutDetails() throws Exception {
        assertThat(await(verify("alice", "t")))
                .isEqualTo(AuthDecision.reject(WampUris.AUTHENTICATION_FAILED, "the authenticator is not available"));
    }

    @Test
    void theProcedureMayLiveInAnotherRealm() throws Exception {
        TestPeer authService = TestPeer.joined(router, "auth");
        authService.register(AUTHENTICATE);
        ProcedureTicketVerifier elsewhere = new ProcedureTicketVerifier(routerRef::get, AUTHENTICATE, "auth");

        CompletableFuture<AuthDecision> decision = elsewhere.verify(request("alice"), "t").toCompletableFuture();
        Invocation invocation = authService.next(Invocation.class);
        authService.send(new Yield(invocation.request(), Map.of(), Payload.ofArgs("user")));

        assertThat(invocation.payload().args().get(0)).isEqualTo("realm1");
        assertThat(await(decision)).isInstanceOf(AuthDecision.Accept.class);
    }

    @Test
    void aCalleeThatNeverAnswersTimesOutWithinTheHandshakeTimeout() throws Exception {
        callee.register(AUTHENTICATE);

        CompletableFuture<AuthDecision> decision = verify("alice", "t");
        callee.next(Invocation.class);

        assertThat(decision.get(10, TimeUnit.SECONDS))
                .isEqualTo(AuthDecision.reject(WampUris.AUTHENTICATION_FAILED, "the authenticator is not available"));
    }
}
