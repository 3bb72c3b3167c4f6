package io.wampspring.benchmarks.jmh;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.wampspring.router.RealmConfig;
import io.wampspring.router.RouterConfig;
import io.wampspring.router.WampRouter;
import io.wampspring.router.auth.AuthIdentity;
import io.wampspring.router.auth.Authorizer;
import io.wampspring.router.auth.CachingAuthorizer;
import io.wampspring.router.client.LocalSession;
import io.wampspring.router.message.Payload;
import io.wampspring.router.message.Result;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What an authorization decision adds to a whole call: one in-process CALL through the dealer (CALL, INVOCATION,
 * YIELD, RESULT between two {@link LocalSession}s, the callee's handler on the calling thread, no serialization),
 * with the realm's authorizer {@code permit-all} (the baseline), the rules of {@link AuthorizationBenchmark} (3 roles
 * of 100 rules; the caller's role {@code user}; the procedure allowed by an exact or by a wildcard rule, or denied
 * because no rule matches: the call then ends in {@code wamp.error.not_authorized}) or {@code cached} (those rules
 * behind a {@link CachingAuthorizer}, every lookup a hit). The callee's role has no rules: it may register.
 * Each invocation sends {@value #IN_FLIGHT} calls, then waits for them all (results complete on the router's async
 * executor: with one call at a time, its thread hand-offs and wake-ups would be most of what is measured); the score
 * is per call.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@OperationsPerInvocation(AuthorizedCallBenchmark.IN_FLIGHT)
public class AuthorizedCallBenchmark {

    private static final String REALM = "realm1";
    static final int IN_FLIGHT = 100;

    @Param({"permit-all", "rules-exact", "rules-wildcard", "rules-deny", "cached-exact"})
    String authorizer;

    private WampRouter router;
    private LocalSession callee;
    private LocalSession caller;
    private String procedure;

    @Setup(Level.Trial)
    public void setUp() {
        AuthorizationBenchmark rules = new AuthorizationBenchmark();
        rules.rulesPerRole = 100;
        rules.lookup = authorizer.equals("permit-all") ? "exact" : authorizer.substring(authorizer.indexOf('-') + 1);
        rules.setUp();
        procedure = rules.uri(0);
        Authorizer realmAuthorizer = switch (authorizer) {
            case "permit-all" -> Authorizer.PERMIT_ALL;
            case "cached-exact" -> new CachingAuthorizer(rules.rules(Authorizer.PERMIT_ALL), 1024, Duration.ofHours(1));
            default -> rules.rules(Authorizer.PERMIT_ALL);
        };
        router = new WampRouter(RouterConfig.defaults(), List.of(new RealmConfig(REALM, List.of(), realmAuthorizer)));
        // inline executors: the callee answers on the calling thread, nothing queues up
        callee = new LocalSession(router, REALM, new AuthIdentity("backend", "backend", "local", "bench"),
                Runnable::run);
        callee.register(procedure, Map.of(), invocation -> CompletableFuture.completedFuture(invocation.payload()))
                .join();
        caller = new LocalSession(router, REALM, new AuthIdentity("alice", "user", "local", "bench"), Runnable::run);
        boolean denied = authorizer.equals("rules-deny");
        if (calls() != (denied ? 0 : IN_FLIGHT)) {
            throw new IllegalStateException(authorizer + ": not every call was " + (denied ? "denied" : "answered"));
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        caller.close();
        callee.close();
        router.shutdown(Duration.ZERO);
    }

    /** {@value #IN_FLIGHT} calls at once; how many were answered (the others were denied). */
    @Benchmark
    public int calls() {
        @SuppressWarnings("unchecked")
        CompletableFuture<Result>[] calls = new CompletableFuture[IN_FLIGHT];
        for (int i = 0; i < IN_FLIGHT; i++) {
            calls[i] = caller.call(procedure, Map.of(), Payload.ofArgs(1L));
        }
        int answered = 0;
        for (CompletableFuture<Result> call : calls) {
            try {
                call.join();
                answered++;
            }
            catch (RuntimeException denied) {
                // wamp.error.not_authorized, as rules-deny expects (checked at setup)
            }
        }
        return answered;
    }
}
