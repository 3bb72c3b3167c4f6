package io.wampspring.router.auth;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The cache in front of a dynamic authorizer: one question per key and time-to-live, and never above its bound. */
class CachingAuthorizerTest {

    private static final AuthIdentity ALICE = new AuthIdentity("alice", "user", "ticket", "static");

    private final AtomicLong clock = new AtomicLong();
    private final ConcurrentHashMap<String, AtomicInteger> asked = new ConcurrentHashMap<>();

    /** Allows calls under com.shop., disclosing them; counts each question by URI. */
    private final Authorizer dynamic = new Authorizer() {

        @Override
        public boolean isAuthorized(AuthIdentity identity, Action action, String uri) {
            return authorize(identity, action, uri).allowed();
        }

        @Override
        public Authorization authorize(AuthIdentity identity, Action action, String uri) {
            asked.computeIfAbsent(identity.authid() + " " + action + " " + uri, key -> new AtomicInteger())
                    .incrementAndGet();
            return uri.startsWith("com.shop.") ? Authorization.ALLOW_DISCLOSED : Authorization.DENY;
        }
    };

    private CachingAuthorizer cache(int maxEntries) {
        return new CachingAuthorizer(dynamic, maxEntries, Duration.ofSeconds(10), clock::get);
    }

    private int asked(String key) {
        AtomicInteger count = asked.get(key);
        return count == null ? 0 : count.get();
    }

    @Test
    void eachKeyIsAskedOnceWithinTheTimeToLive() {
        CachingAuthorizer cache = cache(100);
        for (int i = 0; i < 5; i++) {
            assertThat(cache.authorize(ALICE, Action.CALL, "com.shop.order.create"))
                    .isEqualTo(Authorization.ALLOW_DISCLOSED);
            assertThat(cache.isAuthorized(ALICE, Action.CALL, "org.bank.transfer")).isFalse();
            clock.addAndGet(Duration.ofSeconds(1).toNanos());
        }
        assertThat(asked("alice CALL com.shop.order.create")).isEqualTo(1);
        assertThat(asked("alice CALL org.bank.transfer")).isEqualTo(1);

        clock.addAndGet(Duration.ofSeconds(5).toNanos()); // 10 s after the first question
        cache.authorize(ALICE, Action.CALL, "com.shop.order.create");
        assertThat(asked("alice CALL com.shop.order.create")).isEqualTo(2);
    }

    @Test
    void theKeyIsRoleAuthidActionAndUri() {
        CachingAuthorizer cache = cache(100);
        AuthIdentity bob = new AuthIdentity("bob", "user", "ticket", "static");
        AuthIdentity aliceAsAdmin = new AuthIdentity("alice", "admin", "ticket", "static");
        AuthIdentity aliceAgain = new AuthIdentity("alice", "user", "wampcra", "other", java.util.Map.of("x", 1));

        cache.authorize(ALICE, Action.CALL, "com.shop.a");
        cache.authorize(bob, Action.CALL, "com.shop.a");
        cache.authorize(aliceAsAdmin, Action.CALL, "com.shop.a");
        cache.authorize(ALICE, Action.PUBLISH, "com.shop.a");
        cache.authorize(aliceAgain, Action.CALL, "com.shop.a"); // same role and authid: the cached decision

        assertThat(asked("alice CALL com.shop.a")).isEqualTo(2); // as user, as admin
        assertThat(asked("bob CALL com.shop.a")).isEqualTo(1);
        assertThat(asked("alice PUBLISH com.shop.a")).isEqualTo(1);
        assertThat(cache.size()).isEqualTo(4);
    }

    @Test
    void neverHoldsMoreThanItsBoundAndEvictsTheOldest() {
        CachingAuthorizer cache = cache(3);
        for (int i = 0; i < 50; i++) {
            cache.authorize(ALICE, Action.CALL, "com.shop.p" + i);
            assertThat(cache.size()).isLessThanOrEqualTo(3);
        }
        assertThat(cache.size()).isEqualTo(3);
        cache.authorize(ALICE, Action.CALL, "com.shop.p49"); // still held
        cache.authorize(ALICE, Action.CALL, "com.shop.p0"); // evicted long ago
        assertThat(asked("alice CALL com.shop.p49")).isEqualTo(1);
        assertThat(asked("alice CALL com.shop.p0")).isEqualTo(2);
    }

    @Test
    void staysBoundedUnderConcurrentMisses() {
        CachingAuthorizer cache = cache(16);
        List<CompletableFuture<Void>> workers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int offset = t;
            workers.add(CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 2_000; i++) {
                    cache.authorize(ALICE, Action.CALL, "com.shop.p" + (i * 4 + offset));
                    assertThat(cache.size()).isLessThanOrEqualTo(16);
                }
            }));
        }
        CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new)).join();
        assertThat(cache.size()).isEqualTo(16);
    }

    @Test
    void expiredDecisionsMakeRoomFirst() {
        CachingAuthorizer cache = cache(2);
        cache.authorize(ALICE, Action.CALL, "com.shop.old");
        clock.addAndGet(Duration.ofSeconds(11).toNanos());
        cache.authorize(ALICE, Action.CALL, "com.shop.a");
        cache.authorize(ALICE, Action.CALL, "com.shop.b");
        cache.authorize(ALICE, Action.CALL, "com.shop.a");
        cache.authorize(ALICE, Action.CALL, "com.shop.b");
        assertThat(asked("alice CALL com.shop.a")).isEqualTo(1);
        assertThat(asked("alice CALL com.shop.b")).isEqualTo(1);
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void boundsMustBePositive() {
        assertThatIllegalArgumentException().isThrownBy(() -> new CachingAuthorizer(dynamic, 0, Duration.ofSeconds(1)))
                .withMessageContaining("maxEntries");
        assertThatIllegalArgumentException().isThrownBy(() -> new CachingAuthorizer(dynamic, 1, Duration.ZERO))
                .withMessageContaining("timeToLive");
    }
}
