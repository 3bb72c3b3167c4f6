package io.wampspring.sample.interop;

import static io.wampspring.sample.interop.Values.listOf;
import static io.wampspring.sample.interop.Values.mapOf;
import static io.wampspring.sample.interop.Values.normalize;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.wampspring.sample.interop.AdvancedRpcTestBeans.AdvancedRpcEndpoints;
import io.wampspring.sample.interop.NodeWampClient.CallOutcome;
import io.wampspring.sample.interop.NodeWampClient.Received;
import io.wampspring.sample.interop.NodeWampClient.Registration;
import io.wampspring.sample.interop.NodeWampClient.StartedCall;
import io.wampspring.sample.interop.NodeWampClient.Welcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The advanced RPC profile with a third-party JavaScript client ({@link #library()} with {@link #serializer()}) in
 * three sessions (a caller and two callees, each its own node process) against the sample app and the annotated
 * procedures of {@link AdvancedRpcTestBeans}: pattern-based and shared registrations, progressive call results,
 * call canceling, call timeouts and caller identification. Subclasses add what only one library can do.
 */
@ActiveProfiles("interop")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(InteropTestBeans.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractAdvancedRpcInteropTest {

    static final String REALM = "realm1";
    static final Duration WAIT = Duration.ofSeconds(15);
    static final String CANCELED = "wamp.error.canceled";

    @LocalServerPort
    int port;

    @Autowired
    AdvancedRpcEndpoints beans;

    NodeWampClient caller;
    Welcome callerSession;
    NodeWampClient callee;
    NodeWampClient otherCallee;
    private final AtomicInteger uris = new AtomicInteger();

    /** "autobahn" (autobahn-js) or "wampy". */
    abstract String library();

    /** "json", "msgpack" or "cbor". */
    abstract String serializer();

    /** Features the caller announces on top of the library's own. */
    Map<String, Map<String, Boolean>> callerFeatures() {
        return Map.of();
    }

    String url() {
        return "ws://127.0.0.1:" + port + "/ws";
    }

    @BeforeAll
    void connectClients() throws Exception {
        startCaller();
        callee = connected(Map.of()).client();
        otherCallee = connected(Map.of()).client();
    }

    /** A test that broke a client's connection does not take the tests after it down too. */
    @BeforeEach
    void reconnectBrokenClients() throws Exception {
        if (!caller.isOpen()) {
            caller.close();
            startCaller();
        }
        if (!callee.isOpen()) {
            callee.close();
            callee = connected(Map.of()).client();
        }
        if (!otherCallee.isOpen()) {
            otherCallee.close();
            otherCallee = connected(Map.of()).client();
        }
    }

    private void startCaller() throws Exception {
        Connected connected = connected(callerFeatures());
        caller = connected.client();
        callerSession = connected.welcome();
    }

    record Connected(NodeWampClient client, Welcome welcome) {
    }

    /** A new client of {@link #library()} in a node process of its own, joined with these extra features. */
    Connected connected(Map<String, Map<String, Boolean>> features) throws Exception {
        NodeWampClient client = NodeWampClient.start(library());
        try {
            Welcome welcome = client.connect(url(), REALM, serializer(), features);
            assertThat(client.protocol()).as("subprotocol chosen for %s", library())
                    .isEqualTo("wamp.2." + serializer());
            return new Connected(client, welcome);
        }
        catch (RuntimeException | Error ex) {
            client.close();
            throw ex;
        }
    }

    @AfterAll
    void closeClients() {
        for (NodeWampClient client : new NodeWampClient[] {caller, callee, otherCallee}) {
            if (client != null) {
                client.close();
            }
        }
    }

    /** A URI of its own for each use: interop.adv.<library>.<serializer>.<name>_<n>. */
    String uri(String name) {
        return "interop.adv." + library() + "." + serializer() + "." + name + "_" + uris.incrementAndGet();
    }

    static String token() {
        return UUID.randomUUID().toString();
    }

    static Map<String, Object> constant(Object... args) {
        return Map.of("result", Map.of("args", listOf(args)));
    }

    // ------------------------------------------------------------------------------------------------------------
    // pattern-based registrations

    /**
     * An exact, a prefix and a wildcard registration of the same family of URIs: each call goes to the exact
     * registration if there is one, else to the prefix, else to the wildcard, and a pattern registration's callee
     * learns the URI that was called from INVOCATION.Details.procedure.
     */
    @Test
    void exactPrefixAndWildcardRegistrationsRouteToTheBestMatch() {
        String base = uri("com.interop.items");
        assertRegistered(callee.register(base + ".special", Map.of("match", "prefix"), "constant",
                constant("prefix")));
        assertRegistered(otherCallee.register(base + "..get", Map.of("match", "wildcard"), "constant",
                constant("wildcard")));
        assertRegistered(callee.register(base + ".7.get", Map.of(), "constant", constant("exact")));

        assertThat(caller.call(base + ".42.get", listOf(42), null)).isEqualTo(WampReply.result(listOf("wildcard"),
                null));
        assertThat(caller.call(base + ".special.get", listOf(1), null))
                .isEqualTo(WampReply.result(listOf("prefix"), null));
        assertThat(caller.call(base + ".special.offers.today", null, null))
                .isEqualTo(WampReply.result(listOf("prefix"), null));
        assertThat(caller.call(base + ".7.get", listOf(7), null)).isEqualTo(WampReply.result(listOf("exact"), null));
        assertThat(caller.call(base + ".42.put", null, null).error()).isEqualTo("wamp.error.no_such_procedure");

        assertThat(otherCallee.invocations(base + "..get", 1)).singleElement().satisfies(invocation -> {
            assertThat(invocation.details()).containsEntry("procedure", base + ".42.get");
            assertThat(invocation.args()).isEqualTo(normalize(listOf(42)));
        });
        assertThat(callee.invocations(base + ".special", 2)).extracting(invocation -> invocation.details()
                .get("procedure")).containsExactly(base + ".special.get", base + ".special.offers.today");
        assertThat(callee.invocations(base + ".7.get", 1)).singleElement()
                .satisfies(invocation -> assertThat(invocation.details()).doesNotContainKey("procedure"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void callsAnnotatedPrefixAndWildcardProcedures() {
        WampReply prefix = caller.call(AdvancedRpcTestBeans.PREFIX + ".orders.42.get", listOf(42, "x"), null);
        assertThat(prefix.isError()).as("prefix call answered %s", prefix).isFalse();
        assertThat((Map<String, Object>) prefix.first()).isEqualTo(normalize(mapOf(
                "procedure", AdvancedRpcTestBeans.PREFIX + ".orders.42.get",
                "registered", AdvancedRpcTestBeans.PREFIX, "args", listOf(42, "x"))));

        assertThat(caller.call("test.adv.wild.sensor7.status", null, null))
                .isEqualTo(WampReply.result(listOf("test.adv.wild.sensor7.status"), null));
        // a wildcard matches exactly one component
        assertThat(caller.call("test.adv.wild.a.b.status", null, null).error())
                .isEqualTo("wamp.error.no_such_procedure");
    }

    // ------------------------------------------------------------------------------------------------------------
    // shared registrations

    @Test
    void roundRobinSharedRegistrationAlternatesBetweenSessions() {
        String procedure = uri("shared_roundrobin");
        assertRegistered(callee.register(procedure, Map.of("invoke", "roundrobin"), "constant", constant("one")));
        assertRegistered(otherCallee.register(procedure, Map.of("invoke", "roundrobin"), "constant",
                constant("other")));

        List<Object> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            answers.add(caller.call(procedure, listOf(i), null).first());
        }

        assertThat(answers).containsExactly("one", "other", "one", "other", "one", "other");
        assertThat(callee.invocations(procedure, 3)).extracting(invocation -> invocation.args().get(0))
                .containsExactly(0L, 2L, 4L);
        assertThat(otherCallee.invocations(procedure, 3)).extracting(invocation -> invocation.args().get(0))
                .containsExactly(1L, 3L, 5L);
    }

    @Test
    void firstAndLastSharedRegistrationsPickBySeniority() {
        String first = uri("shared_first");
        assertRegistered(callee.register(first, Map.of("invoke", "first"), "constant", constant("one")));
        assertRegistered(otherCallee.register(first, Map.of("invoke", "first"), "constant", constant("other")));
        String last = uri("shared_last");
        assertRegistered(callee.register(last, Map.of("invoke", "last"), "constant", constant("one")));
        assertRegistered(otherCallee.register(last, Map.of("invoke", "last"), "constant", constant("other")));

        for (int i = 0; i < 3; i++) {
            assertThat(caller.call(first, null, null).first()).isEqualTo("one");
            assertThat(caller.call(last, null, null).first()).isEqualTo("other");
        }
    }

    /** A JavaScript callee joins the round-robin registration of an annotated procedure; calls alternate. */
    @Test
    void remoteCalleeSharesAnAnnotatedRoundRobinProcedure() {
        assertRegistered(otherCallee.register(AdvancedRpcTestBeans.SHARED, Map.of("invoke", "roundrobin"),
                "constant", constant(library())));
        List<Object> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            answers.add(caller.call(AdvancedRpcTestBeans.SHARED, null, null).first());
        }
        assertThat(answers).containsOnly("spring", library());
        for (int i = 1; i < answers.size(); i++) {
            assertThat(answers.get(i)).as("answer %d of %s", i, answers).isNotEqualTo(answers.get(i - 1));
        }
    }

    @Test
    void conflictingSharedRegistrationsAreRefusedWithTheSpecsErrors() {
        String single = uri("single");
        assertRegistered(callee.register(single, Map.of(), "constant", constant("one")));
        assertThat(otherCallee.register(single, Map.of(), "constant", constant("other")).error())
                .isEqualTo("wamp.error.procedure_already_exists");
        assertThat(otherCallee.register(single, Map.of("invoke", "roundrobin"), "constant", constant("other"))
                .error()).as("roundrobin onto a single registration")
                .isEqualTo("wamp.error.procedure_already_exists");

        String shared = uri("roundrobin");
        assertRegistered(callee.register(shared, Map.of("invoke", "roundrobin"), "constant", constant("one")));
        assertThat(otherCallee.register(shared, Map.of("invoke", "random"), "constant", constant("other")).error())
                .isEqualTo("wamp.error.procedure_exists_with_different_invocation_policy");
        assertThat(otherCallee.register(shared, Map.of(), "constant", constant("other")).error())
                .as("single onto a roundrobin registration")
                .isEqualTo("wamp.error.procedure_exists_with_different_invocation_policy");

        // the refusals changed nothing: the first callee still answers both
        assertThat(caller.call(single, null, null).first()).isEqualTo("one");
        assertThat(caller.call(shared, null, null).first()).isEqualTo("one");
        assertThat(caller.call(shared, null, null).first()).isEqualTo("one");
    }

    // ------------------------------------------------------------------------------------------------------------
    // progressive call results

    @Test
    void progressiveResultsOfAnAnnotatedProcedureArriveInOrderBeforeTheFinalOne() {
        CallOutcome countdown = caller.call(AdvancedRpcTestBeans.COUNTDOWN, listOf(5), null,
                Map.of("receive_progress", true));
        assertThat(countdown.reply()).isEqualTo(WampReply.result(listOf("liftoff"), null));
        assertThat(countdown.progress()).containsExactly(progress(5), progress(4), progress(3), progress(2),
                progress(1));

        CallOutcome flux = caller.call(AdvancedRpcTestBeans.FLUX, listOf(4), null, Map.of("receive_progress", true));
        assertThat(flux.reply()).isEqualTo(WampReply.result(listOf("item-4"), null));
        assertThat(flux.progress()).containsExactly(progress("item-1"), progress("item-2"), progress("item-3"));
    }

    @Test
    void withoutReceiveProgressOnlyTheFinalResultArrives() {
        CallOutcome countdown = caller.call(AdvancedRpcTestBeans.COUNTDOWN, listOf(3), null, Map.of());
        assertThat(countdown.reply()).isEqualTo(WampReply.result(listOf("liftoff"), null));
        assertThat(countdown.progress()).isEmpty();

        CallOutcome flux = caller.call(AdvancedRpcTestBeans.FLUX, listOf(3), null, Map.of());
        assertThat(flux.reply()).isEqualTo(WampReply.result(listOf("item-3"), null));
        assertThat(flux.progress()).isEmpty();
    }

    @Test
    void progressiveResultsOfARemoteCalleeArriveInOrder() {
        String procedure = uri("progress");
        List<Object> chunks = new ArrayList<>();
        List<WampReply> expected = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            chunks.add(mapOf("args", listOf("part", i), "kwargs", mapOf("seq", i)));
            expected.add(WampReply.result(listOf("part", i), mapOf("seq", i)));
        }
        assertRegistered(callee.register(procedure, Map.of(), "progress", Map.of("chunks", chunks,
                "result", Map.of("args", listOf("all", 20), "kwargs", Map.of("done", true)))));

        CallOutcome withProgress = caller.call(procedure, listOf("a"), null, Map.of("receive_progress", true));
        CallOutcome withoutProgress = caller.call(procedure, listOf("b"), null, Map.of());

        assertThat(withProgress.reply()).isEqualTo(WampReply.result(listOf("all", 20), mapOf("done", true)));
        assertThat(withProgress.progress()).containsExactlyElementsOf(expected);
        assertThat(withoutProgress.reply()).isEqualTo(WampReply.result(listOf("all", 20), mapOf("done", true)));
        assertThat(withoutProgress.progress()).isEmpty();
        List<Received> invocations = callee.invocations(procedure, 2);
        assertThat(invocations.get(0).details()).containsEntry("receive_progress", true);
        assertThat(invocations.get(1).details()).doesNotContainKey("receive_progress");
    }

    static WampReply progress(Object... args) {
        return WampReply.result(listOf(args), null);
    }

    // ------------------------------------------------------------------------------------------------------------
    // call canceling

    /** kill: the router interrupts the annotated method, whose thread stops; the caller gets canceled. */
    @Test
    void killCancelInterruptsAnAnnotatedBlockingProcedure() throws Exception {
        String token = token();
        StartedCall call = caller.startCall(AdvancedRpcTestBeans.BLOCK, listOf(token), null, Map.of());
        beans.awaitBlocked(token, WAIT);

        call.cancel("kill");

        assertThat(call.outcome().reply().error()).isEqualTo(CANCELED);
        assertThat(beans.outcome(token, WAIT)).isEqualTo("interrupted");
        assertCallerStillWorks();
    }

    /**
     * kill on an endless stream of progressive results from an annotated Flux: the caller got the ticks in order
     * until the cancel, then canceled, and the Flux's subscription was canceled.
     */
    @Test
    void killCancelStopsAnEndlessFluxOfProgressiveResults() throws Exception {
        String token = token();
        StartedCall call = caller.startCall(AdvancedRpcTestBeans.TICKER, listOf(token), null,
                Map.of("receive_progress", true));
        beans.awaitTicks(token, WAIT);

        call.cancel("kill");

        CallOutcome outcome = call.outcome();
        assertThat(outcome.reply().error()).isEqualTo(CANCELED);
        List<WampReply> expected = new ArrayList<>();
        for (long tick = 0; tick < outcome.progress().size(); tick++) {
            expected.add(progress(tick));
        }
        // progress runs one item behind the ticks counted
        assertThat(outcome.progress()).as("ticks received")
                .hasSizeGreaterThanOrEqualTo(AdvancedRpcTestBeans.TICKS - 2).containsExactlyElementsOf(expected);
        assertThat(beans.tickerEnd(token, WAIT)).isEqualTo("canceled");
        assertCallerStillWorks();
    }

    /**
     * kill on a blocking method that sends progressive results through WampProgress until it is interrupted: the
     * caller got them in order, then canceled, and the method's thread was interrupted.
     */
    @Test
    void killCancelInterruptsABlockingProcedureSendingProgress() throws Exception {
        String token = token();
        StartedCall call = caller.startCall(AdvancedRpcTestBeans.PULSE, listOf(token), null,
                Map.of("receive_progress", true));
        beans.awaitTicks(token, WAIT);

        call.cancel("kill");

        CallOutcome outcome = call.outcome();
        assertThat(outcome.reply().error()).isEqualTo(CANCELED);
        List<WampReply> expected = new ArrayList<>();
        for (long pulse = 0; pulse < outcome.progress().size(); pulse++) {
            expected.add(progress(pulse));
        }
        assertThat(outcome.progress()).as("pulses received")
                .hasSizeGreaterThanOrEqualTo(AdvancedRpcTestBeans.TICKS).containsExactlyElementsOf(expected);
        assertThat(beans.tickerEnd(token, WAIT)).isEqualTo("interrupted");
        assertCallerStillWorks();
    }

    /** A caller that leaves during a call: the router interrupts the annotated method (killnowait). */
    @Test
    void callerLeavingDuringACallInterruptsTheAnnotatedProcedure() throws Exception {
        String token = token();
        try (NodeWampClient leaving = connected(Map.of()).client()) {
            leaving.startCall(AdvancedRpcTestBeans.BLOCK, listOf(token), null, Map.of());
            beans.awaitBlocked(token, WAIT);
        }
        assertThat(beans.outcome(token, WAIT)).isEqualTo("interrupted");
    }

    /**
     * Neither JavaScript client announces call canceling as a callee (and both would drop their connection on an
     * INTERRUPT): the router answers the caller at once, sends the callee no INTERRUPT, and drops the callee's late
     * answer.
     */
    @Test
    void cancelOfACallToACalleeWithoutCallCancelingAnswersTheCallerAndSparesTheCallee() {
        String procedure = uri("hold");
        assertRegistered(callee.register(procedure, Map.of(), "hold", constant("late")));
        StartedCall call = caller.startCall(procedure, listOf("x"), null, Map.of());
        long invocation = callee.invocations(procedure, 1).get(0).request();

        call.cancel("kill");
        assertThat(call.outcome().reply().error()).isEqualTo(CANCELED);

        assertThat(callee.release(procedure)).isEqualTo(1);
        assertThat(callee.receivedRpcMessages()).as("what the callee received")
                .noneMatch(message -> message.get(0).equals(69L)).anyMatch(message ->
                        message.get(0).equals(68L) && message.get(1).equals(invocation));
        assertLateAnswerDropped(procedure);
    }

    /**
     * The callee's late YIELD reached the router before the answer to a later call of the same callee (one
     * connection, in order): if the router had forwarded it, the caller would have received a second answer to its
     * canceled call before this one.
     */
    void assertLateAnswerDropped(String heldProcedure) {
        String echo = uri("echo_after");
        callee.registerEcho(echo);
        assertThat(caller.call(echo, listOf("after"), null)).isEqualTo(WampReply.result(listOf("after"), null));
        List<List<Object>> received = caller.receivedRpcMessages();
        List<Object> canceled = received.stream().filter(message -> message.get(0).equals(8L)
                && CANCELED.equals(((Map<?, ?>) message.get(2)).get("error"))).map(message -> message.get(1))
                .toList();
        assertThat(canceled).as("calls answered with canceled").isNotEmpty();
        for (Object request : canceled) {
            // progressive results may precede the answer (a canceled stream), nothing may follow it
            List<List<Object>> forRequest = received.stream().filter(message -> message.get(1).equals(request)
                    && (message.get(0).equals(8L) || message.get(0).equals(50L))).toList();
            assertThat(forRequest).as("answers to canceled request %s", request)
                    .filteredOn(message -> message.get(0).equals(8L) || !Boolean.TRUE.equals(
                            ((Map<?, ?>) message.get(2)).get("progress")))
                    .singleElement().isEqualTo(forRequest.get(forRequest.size() - 1));
        }
        assertThat(caller.isOpen()).as("caller session open").isTrue();
        assertThat(callee.isOpen()).as("callee session open").isTrue();
    }

    void assertCallerStillWorks() {
        assertThat(caller.call("test.echo", listOf("still", "here"), null))
                .isEqualTo(WampReply.result(listOf("still", "here"), null));
    }

    // ------------------------------------------------------------------------------------------------------------
    // call timeout

    @Test
    void timeoutEndsACallToASlowAnnotatedProcedureAndInterruptsIt() throws Exception {
        String token = token();

        CallOutcome outcome = caller.call(AdvancedRpcTestBeans.BLOCK, listOf(token), null, Map.of("timeout", 200));

        assertThat(outcome.reply().error()).isEqualTo("wamp.error.timeout");
        assertThat(outcome.elapsedMs()).as("ms until the timeout").isBetween(190L, 10_000L);
        assertThat(beans.outcome(token, WAIT)).isEqualTo("interrupted");
        assertCallerStillWorks();
    }

    @Test
    void timeoutEndsACallToASlowRemoteCallee() {
        String procedure = uri("slow");
        assertRegistered(callee.register(procedure, Map.of(), "hold", constant("late")));

        CallOutcome outcome = caller.call(procedure, null, null, Map.of("timeout", 200));

        assertThat(outcome.reply().error()).isEqualTo("wamp.error.timeout");
        assertThat(outcome.elapsedMs()).as("ms until the timeout").isBetween(190L, 10_000L);
        assertThat(callee.release(procedure)).isEqualTo(1);
        assertThat(callee.receivedRpcMessages()).noneMatch(message -> message.get(0).equals(69L));
        assertThat(caller.isOpen()).isTrue();
        assertThat(callee.isOpen()).isTrue();
    }

    // ------------------------------------------------------------------------------------------------------------
    // caller identification

    @Test
    @SuppressWarnings("unchecked")
    void discloseMeIdentifiesTheCallerToAnAnnotatedProcedure() {
        Map<String, Object> disclosed = (Map<String, Object>) caller.call(AdvancedRpcTestBeans.WHOAMI, null, null,
                Map.of("disclose_me", true)).reply().first();
        assertThat(disclosed).isEqualTo(normalize(mapOf("disclosed", true, "session", callerSession.sessionId(),
                "authid", callerSession.authid(), "authrole", callerSession.authrole())));
        assertThat(callerSession.authrole()).isEqualTo("anonymous");
        assertThat(callerSession.authid()).isNotBlank();

        assertThat((Map<String, Object>) caller.call(AdvancedRpcTestBeans.WHOAMI, null, null).first())
                .isEqualTo(mapOf("disclosed", false));
        // a registration with disclose_caller learns every caller
        assertThat((Map<String, Object>) caller.call(AdvancedRpcTestBeans.WHOAMI_ALWAYS, null, null).first())
                .isEqualTo(disclosed);
    }

    @Test
    void discloseMeIdentifiesTheCallerToARemoteCallee() {
        String procedure = uri("whoami");
        callee.registerEcho(procedure);

        caller.call(procedure, listOf("disclosed"), null, Map.of("disclose_me", true));
        caller.call(procedure, listOf("anonymous"), null, Map.of());

        List<Received> invocations = callee.invocations(procedure, 2);
        assertThat(invocations.get(0).details()).containsEntry("caller", callerSession.sessionId())
                .containsEntry("caller_authid", callerSession.authid())
                .containsEntry("caller_authrole", callerSession.authrole());
        assertThat(invocations.get(1).details()).doesNotContainKeys("caller", "caller_authid", "caller_authrole");
    }

    static void assertRegistered(Registration registration) {
        assertThat(registration.error()).as("registration refused").isNull();
        assertThat(registration.id()).isNotNull().isPositive();
    }
}
