package io.wampspring.router.service;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.wampspring.router.Disclosure;
import io.wampspring.router.PubSubConfig;
import io.wampspring.router.RealmConfig;
import io.wampspring.router.RouterConfig;
import io.wampspring.router.RpcConfig;
import io.wampspring.router.TestPeer;
import io.wampspring.router.WampRouter;
import io.wampspring.router.WampUris;
import io.wampspring.router.auth.Action;
import io.wampspring.router.auth.AnonymousAuthenticator;
import io.wampspring.router.auth.AuthIdentity;
import io.wampspring.router.auth.Authorizer;
import io.wampspring.router.client.LocalSession;
import io.wampspring.router.client.WampException;
import io.wampspring.router.history.HistoryRule;
import io.wampspring.router.history.InMemoryEventStore;
import io.wampspring.router.match.MatchPolicy;
import io.wampspring.router.message.Call;
import io.wampspring.router.message.ErrorMessage;
import io.wampspring.router.message.MessageType;
import io.wampspring.router.message.Payload;
import io.wampspring.router.message.Publish;
import io.wampspring.router.message.Published;
import io.wampspring.router.message.Result;
import io.wampspring.router.message.Welcome;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code wamp.subscription.get_events} against a real router, called by remote and in-process sessions. */
class EventHistoryServiceTest {

    private static final String GET_EVENTS = "wamp.subscription.get_events";

    /** Every {@code com.mycompany.log} topic (the spec's example), the audit topic's last two, and the shop's. */
    private static final List<HistoryRule> RULES = List.of(
            HistoryRule.ofLimit(MatchPolicy.PREFIX, "com.mycompany.log", 100),
            HistoryRule.ofLimit(MatchPolicy.EXACT, "com.shop.audit", 2),
            HistoryRule.ofLimit(MatchPolicy.PREFIX, "com.shop.", 10));

    private final List<WampRouter> routers = new ArrayList<>();
    private final WampRouter router = router(historyRealm(Authorizer.PERMIT_ALL, Disclosure.ON_REQUEST));
    private final ExecutorService executor = Executors.newFixedThreadPool(2);

    @AfterEach
    void tearDown() throws InterruptedException {
        routers.forEach(router -> router.shutdown(Duration.ZERO));
        executor.shutdownNow();
        assertThat(executor.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    private WampRouter router(RealmConfig realm) {
        WampRouter created = new WampRouter(RouterConfig.defaults(), List.of(realm));
        routers.add(created);
        return created;
    }

    private static RealmConfig historyRealm(Authorizer authorizer, Disclosure callerDisclosure) {
        return new RealmConfig("realm1", List.of(new AnonymousAuthenticator("anonymous")), authorizer,
                new RpcConfig(callerDisclosure, Duration.ZERO, List.of()),
                PubSubConfig.defaults().withHistory(RULES, new InMemoryEventStore()));
    }

    private static long subscribe(TestPeer peer, String topic, String match) {
        return peer.subscribe(topic, Map.of("match", match));
    }

    /** Publishes with acknowledgement: once PUBLISHED is here, the event is in the history (or never will be). */
    private static long publish(TestPeer publisher, String topic, Map<String, Object> options, Object... args) {
        long request = publisher.nextRequest();
        Map<String, Object> acknowledged = new LinkedHashMap<>(options);
        acknowledged.put("acknowledge", true);
        publisher.send(new Publish(request, acknowledged, topic, Payload.ofArgs(args)));
        Published published = publisher.next(Published.class);
        assertThat(published.request()).isEqualTo(request);
        return published.publication();
    }

    private static Result getEvents(TestPeer caller, long subscription, Map<String, Object> filters) {
        long request = caller.nextRequest();
        caller.send(new Call(request, Map.of(), GET_EVENTS, Payload.of(List.of(subscription), filters)));
        Result result = caller.next(Result.class);
        assertThat(result.request()).isEqualTo(request);
        return result;
    }

    private static ErrorMessage getEventsError(TestPeer caller, List<?> args, @Nullable Map<String, ?> filters,
            String error) {
        long request = caller.nextRequest();
        caller.send(new Call(request, Map.of(), GET_EVENTS, Payload.of(args, filters)));
        return caller.nextError(MessageType.CALL, request, error);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> events(Result result) {
        return (List<Map<String, Object>>) (List<?>) result.payload().args();
    }

    private static List<Long> publications(Result result) {
        return events(result).stream().map(event -> (Long) event.get("publication")).toList();
    }

    private static List<Long> publications(TestPeer caller, long subscription, Map<String, Object> filters) {
        return publications(getEvents(caller, subscription, filters));
    }

    private static List<Long> publications(Result result, boolean more) {
        assertThat(result.payload().kwargs()).isEqualTo(Map.of("count", (long) events(result).size(), "more", more));
        return publications(result);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> brokerFeatures(Welcome welcome) {
        Map<String, Object> roles = (Map<String, Object>) welcome.details().get("roles");
        return (Map<String, Object>) ((Map<String, Object>) roles.get("broker")).get("features");
    }

    @Test
    void welcomeAnnouncesEventHistoryOnlyWhenTheRealmHasRules() {
        TestPeer withRules = new TestPeer(router);
        assertThat(brokerFeatures(withRules.join("realm1"))).containsEntry("event_history", true);

        WampRouter plain = router(RealmConfig.anonymous("realm1"));
        TestPeer withoutRules = new TestPeer(plain);
        assertThat(brokerFeatures(withoutRules.join("realm1"))).doesNotContainKey("event_history")
                .containsEntry("pattern_based_subscription", true);
        long subscription = subscribe(withoutRules, "com.mycompany.log.auth", "exact");
        getEventsError(withoutRules, List.of(subscription), null, WampUris.NO_SUCH_PROCEDURE);
    }

    @Test
    void theSpecsExampleOfFivePublicationsAndThreeSubscriptions() {
        TestPeer subscriber = TestPeer.joined(router, "realm1");
        long auth = subscribe(subscriber, "com.mycompany.log.auth", "exact");
        long basket = subscribe(subscriber, "com.mycompany.log.basket", "exact");
        long log = subscribe(subscriber, "com.mycompany.log", "prefix");
        TestPeer publisher = TestPeer.joined(router, "realm1");
        TestPeer reader = TestPeer.joined(router, "realm1");
        Instant before = Instant.now();

        long p1 = publish(publisher, "com.mycompany.log.auth", Map.of("disclose_me", true), "login", 1);
        long p2 = publish(publisher, "com.mycompany.log.basket", Map.of(), "add", 2);
        long p3 = publish(publisher, "com.mycompany.log.basket", Map.of(), "add", 3);
        long p4 = publish(publisher, "com.mycompany.log.basket", Map.of(), "remove", 4);
        long p5 = publish(publisher, "com.mycompany.log.checkout", Map.of(), "pay", 5);

        assertThat(publications(getEvents(reader, auth, Map.of()), false)).containsExactly(p1);
        assertThat(publications(getEvents(reader, basket, Map.of()), false)).containsExactly(p2, p3, p4);
        Result all = getEvents(reader, log, Map.of());
        assertThat(publications(all, false)).containsExactly(p1, p2, p3, p4, p5);

        // each event as the subscription received it: its id, the publisher when disclosed, the topic for a pattern
        Map<String, Object> first = events(all).get(0);
        assertThat(first).containsEntry("subscription", log).containsEntry("args", List.of("login", 1L))
                .doesNotContainKey("kwargs");
        assertThat(first.get("details")).isEqualTo(Map.of("publisher", publisher.sessionId,
                "publisher_authid", "anonymous-" + publisher.sessionId, "publisher_authrole", "anonymous",
                "topic", "com.mycompany.log.auth"));
        assertThat(events(all).get(4).get("details")).isEqualTo(Map.of("topic", "com.mycompany.log.checkout"));
        Map<String, Object> exact = events(getEvents(reader, auth, Map.of())).get(0);
        assertThat(exact).containsEntry("subscription", auth).containsEntry("publication", p1);
        assertThat(exact.get("details")).isEqualTo(Map.of("publisher", publisher.sessionId,
                "publisher_authid", "anonymous-" + publisher.sessionId, "publisher_authrole", "anonymous"));
        Instant stamped = Instant.parse((String) first.get("timestamp"));
        assertThat(stamped).isBetween(before, Instant.now());
        assertThat((String) first.get("timestamp")).endsWith("Z");
    }

    @Test
    void aWildcardSubscriptionGetsTheEventsOfEveryTopicItMatches() {
        TestPeer subscriber = TestPeer.joined(router, "realm1");
        long wildcard = subscribe(subscriber, "com.mycompany.log..failed", "wildcard");
        TestPeer publisher = TestPeer.joined(router, "realm1");
        long p1 = publish(publisher, "com.mycompany.log.auth.failed", Map.of(), 1);
        publish(publisher, "com.mycompany.log.auth.succeeded", Map.of(), 2);
        long p3 = publish(publisher, "com.mycompany.log.basket.failed", Map.of(), 3);
        publish(publisher, "com.mycompany.log.basket.failed.twice", Map.of(), 4);
        TestPeer reader = TestPeer.joined(router, "realm1");

        Result result = getEvents(reader, wildcard, Map.of());
        assertThat(publications(result, false)).containsExactly(p1, p3);
        assertThat(events(result).get(1).get("details")).isEqualTo(Map.of("topic", "com.mycompany.log.basket.failed"));
        assertThat(publications(reader, wildcard, Map.of("topic", "com.mycompany.log.basket.failed")))
                .containsExactly(p3);
    }

    @Test
    void everyFilterNarrowsTheEventsAndTheyCombine() {
        TestPeer subscriber = TestPeer.joined(router, "realm1");
        long prefix = subscribe(subscriber, "com.mycompany.log.", "prefix");
        long exact = subscribe(subscriber, "com.mycompany.log.basket", "exact");
        TestPeer publisher = TestPeer.joined(router, "realm1");
        TestPeer reader = TestPeer.joined(router, "realm1");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(publish(publisher, i % 3 == 0 ? "com.mycompany.log.auth" : "com.mycompany.log.basket",
                    Map.of(), i));
        }
        List<Map<String, Object>> all = events(getEvents(reader, prefix, Map.of()));
        assertThat(all).extracting(event -> event.get("publication")).containsExactlyElementsOf(ids);
        List<Instant> times = all.stream().map(event -> Instant.parse((String) event.get("timestamp"))).toList();
        String t2 = times.get(2).toString();
        String t4 = times.get(4).toString();

        assertThat(publications(reader, prefix, Map.of("from_time", t2))).containsExactlyElementsOf(
                select(ids, times, time -> !time.isBefore(times.get(2))));
        assertThat(publications(reader, prefix, Map.of("after_time", t2))).containsExactlyElementsOf(
                select(ids, times, time -> time.isAfter(times.get(2))));
        assertThat(publications(reader, prefix, Map.of("before_time", t4))).containsExactlyElementsOf(
                select(ids, times, time -> time.isBefore(times.get(4))));
        assertThat(publications(reader, prefix, Map.of("until_time", t4))).containsExactlyElementsOf(
                select(ids, times, time -> !time.isAfter(times.get(4))));
        assertThat(publications(reader, prefix, Map.of("from_time", t2, "until_time", t4))).containsExactlyElementsOf(
                select(ids, times, time -> !time.isBefore(times.get(2)) && !time.isAfter(times.get(4))));
        assertThat(publications(reader, prefix, Map.of("after_time", t4, "before_time", t2))).isEmpty();
        // the same instant with another offset
        String t2InParis = times.get(2).atOffset(ZoneOffset.ofHours(2)).toString();
        assertThat(publications(reader, prefix, Map.of("from_time", t2InParis)))
                .isEqualTo(publications(reader, prefix, Map.of("from_time", t2)));

        assertThat(publications(reader, prefix, Map.of("topic", "com.mycompany.log.auth")))
                .containsExactly(ids.get(0), ids.get(3));
        assertThat(publications(reader, exact, Map.of("topic", "com.mycompany.log.auth"))).isEmpty();

        assertThat(publications(reader, prefix, Map.of("from_publication", ids.get(2))))
                .containsExactlyElementsOf(ids.subList(2, 6));
        assertThat(publications(reader, prefix, Map.of("after_publication", ids.get(2))))
                .containsExactlyElementsOf(ids.subList(3, 6));
        assertThat(publications(reader, prefix, Map.of("before_publication", ids.get(2))))
                .containsExactlyElementsOf(ids.subList(0, 2));
        assertThat(publications(reader, prefix, Map.of("until_publication", ids.get(2))))
                .containsExactlyElementsOf(ids.subList(0, 3));
        assertThat(publications(reader, prefix, Map.of("from_publication", ids.get(1), "until_publication",
                ids.get(4), "topic", "com.mycompany.log.basket"))).containsExactly(ids.get(1), ids.get(2), ids.get(4));
        // an anchor of another topic of the subscription places the range all the same
        assertThat(publications(reader, prefix, Map.of("after_publication", ids.get(3), "topic",
                "com.mycompany.log.basket"))).containsExactly(ids.get(4), ids.get(5));
    }

    private static List<Long> select(List<Long> ids, List<Instant> times, Predicate<Instant> condition) {
        List<Long> selected = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (condition.test(times.get(i))) {
                selected.add(ids.get(i));
            }
        }
        return selected;
    }

    @Test
    void reverseAndLimitPageThroughTheHistoryBothWays() {
        TestPeer subscriber = TestPeer.joined(router, "realm1");
        long feed = subscribe(subscriber, "com.shop.feed", "exact");
        TestPeer publisher = TestPeer.joined(router, "realm1");
        long[] p = new long[7];
        for (int i = 0; i < p.length; i++) {
            p[i] = publish(publisher, "com.shop.feed", Map.of(), i);
        }
        TestPeer reader = TestPeer.joined(router, "realm1");

        // forwards: the oldest first, each page after the last event of the previous one
        assertThat(publications(getEvents(reader, feed, Map.of("limit", 3)), true))
                .containsExactly(p[0], p[1], p[2]);
        assertThat(publications(getEvents(reader, feed, Map.of("limit", 3, "after_publication", p[2])), true))
                .containsExactly(p[3], p[4], p[5]);
        assertThat(publications(getEvents(reader, feed, Map.of("limit", 3, "after_publication", p[5])), false))
                .containsExactly(p[6]);
        // backwards: the newest first, each page before the last event of the previous one
        assertThat(publications(getEvents(reader, feed, Map.of("limit", 3, "reverse", true)), true))
                .containsExactly(p[6], p[5], p[4]);
        assertThat(publications(getEvents(reader, feed,
                Map.of("limit", 3, "reverse", true, "before_publication", p[4])), true))
                .containsExactly(p[3], p[2], p[1]);
        assertThat(publications(getEvents(reader, feed,
                Map.of("limit", 3, "reverse", true, "before_publication", p[1])), false))
                .containsExactly(p[0]);
        assertThat(publications(getEvents(reader, feed, Map.of("limit", 7)), false)).hasSize(7);
        assertThat(publications(getEvents(reader, feed, Map.of("reverse", false)), false)).hasSize(7);
    }

    @Test
    void onlyTopicsWithARuleAreKeptEachWithinItsBestMatchingRulesBound() {
        TestPeer subscriber = TestPeer.joined(router, "realm1");
        long news = subscribe(subscriber, "com.other.news", "exact");
        long audit = subscribe(subscriber, "com.shop.audit", "exact");
        long shop = subscribe(subscriber, "com.shop.", "prefix");
        TestPeer publisher = TestPeer.joined(router, "realm1");
        publish(publisher, "com.other.news", Map.of(), "not kept");
        long[] audits = new long[3];
        for (int i = 0; i < audits.length; i++) {
            audits[i] = publish(publisher, "com.shop.audit", Map.of(), i);
        }
        long order = publish(publisher, "com.shop.order", Map.of(), "kept");
        TestPeer reader = TestPeer.joined(router, "realm1");

        assertThat(publications(getEvents(reader, news, Map.of()), false)).isEmpty();
        // the exact rule (2) wins over the prefix rule (10)
        assertThat(publications(reader, audit, Map.of())).containsExactly(audits[1], audits[2]);
        assertThat(publications(reader, shop, Map.of())).containsExactly(audits[1], audits[2], order);
    }

    @Test
    void eventsForListedSessionsAreNotKeptButAuthidAndAuthroleListsAre() {
        TestPeer subscriber = TestPeer.joined(router, "realm1");
        long log = subscribe(subscriber, "com.mycompany.log", "prefix");
        TestPeer publisher = TestPeer.joined(router, "realm1");
        TestPeer reader = TestPeer.joined(router, "realm1");

        long plain = publish(publisher, "com.mycompany.log.auth", Map.of(), "everyone");
        publish(publisher, "com.mycompany.log.auth", Map.of("eligible", List.of(subscriber.sessionId)), "eligible");
        publish(publisher, "com.mycompany.log.auth", Map.of("exclude", List.of(reader.sessionId)), "exclude");
        publish(publisher, "com.mycompany.log.auth", Map.of("exclude", List.of()), "empty exclude");
        long byRole = publish(publisher, "com.mycompany.log.auth", Map.of("exclude_authrole", List.of("admin")),
                "no admins");

        Result result = getEvents(reader, log, Map.of());
        assertThat(publications(result, false)).containsExactly(plain, byRole);
        assertThat(events(result).get(1)).containsEntry("args", List.of("no admins"));
    }

    @Test
    void callersSeeOnlyWhatTheirAuthidAndAuthroleWereEligibleForEvenWhereCallersAreNeverDisclosed()
            throws Exception {
        WampRouter closed = router(historyRealm(Authorizer.PERMIT_ALL, Disclosure.NEVER));
        TestPeer subscriber = TestPeer.joined(closed, "realm1");
        long log = subscribe(subscriber, "com.mycompany.log", "prefix");
        TestPeer publisher = TestPeer.joined(closed, "realm1");
        TestPeer reader = TestPeer.joined(closed, "realm1");
        LocalSession admin = new LocalSession(closed, "realm1", new AuthIdentity("boss", "admin", "local", "test"),
                executor);

        long everyone = publish(publisher, "com.mycompany.log.auth", Map.of(), 1);
        long admins = publish(publisher, "com.mycompany.log.auth", Map.of("eligible_authrole", List.of("admin")), 2);
        long noAdmins = publish(publisher, "com.mycompany.log.auth", Map.of("exclude_authrole", List.of("admin")), 3);
        long boss = publish(publisher, "com.mycompany.log.auth", Map.of("eligible_authid", List.of("boss")), 4);
        long notReader = publish(publisher, "com.mycompany.log.auth",
                Map.of("exclude_authid", List.of("anonymous-" + reader.sessionId)), 5);

        assertThat(publications(reader, log, Map.of())).containsExactly(everyone, noAdmins);
        Result seenByAdmin = admin.call(GET_EVENTS, Map.of(), Payload.ofArgs(log)).get(5, TimeUnit.SECONDS);
        assertThat(publications(seenByAdmin)).containsExactly(everyone, admins, boss, notReader);
        // an event the caller may not see does not serve it as an anchor either
        getEventsError(reader, List.of(log), Map.of("after_publication", admins), WampUris.INVALID_ARGUMENT);
        admin.close();
    }

    @Test
    void aCallerNotAllowedToSubscribeToTheTopicIsNotAuthorized() throws Exception {
        Authorizer noSecretsForAnonymous = (identity, action, uri) -> !(action == Action.SUBSCRIBE
                && uri.startsWith("com.shop.secret") && identity.authrole().equals("anonymous"));
        WampRouter guarded = router(historyRealm(noSecretsForAnonymous, Disclosure.ON_REQUEST));
        LocalSession trusted = new LocalSession(guarded, "realm1",
                new AuthIdentity("spring", "trusted", "local", "test"), executor);
        long secret = trusted.subscribe("com.shop.secret", Map.of(), event -> { }).get(5, TimeUnit.SECONDS).id();
        TestPeer anonymous = TestPeer.joined(guarded, "realm1");
        long plans = publish(anonymous, "com.shop.secret", Map.of(), "plans");

        getEventsError(anonymous, List.of(secret), null, WampUris.NOT_AUTHORIZED);
        Result allowed = trusted.call(GET_EVENTS, Map.of(), Payload.ofArgs(secret)).get(5, TimeUnit.SECONDS);
        assertThat(publications(allowed)).containsExactly(plans);
        trusted.close();
    }

    @Test
    void unknownSubscriptionsAndBadArgumentsGetTheSpecsErrors() {
        TestPeer subscriber = TestPeer.joined(router, "realm1");
        long log = subscribe(subscriber, "com.mycompany.log", "prefix");
        long basket = subscribe(subscriber, "com.mycompany.log.basket", "exact");
        TestPeer publisher = TestPeer.joined(router, "realm1");
        long auth = publish(publisher, "com.mycompany.log.auth", Map.of(), 1);
        TestPeer reader = TestPeer.joined(router, "realm1");

        getEventsError(reader, List.of(4242L), null, WampUris.NO_SUCH_SUBSCRIPTION);
        getEventsError(reader, List.of(), null, WampUris.INVALID_ARGUMENT);
        getEventsError(reader, List.of("log"), null, WampUris.INVALID_ARGUMENT);
        List<Map<String, Object>> invalid = List.of(Map.of("reverse", "yes"), Map.of("limit", 0),
                Map.of("limit", -3), Map.of("limit", "3"), Map.of("limit", 2.5), Map.of("topic", 7),
                Map.of("from_time", "yesterday"), Map.of("until_time", "2025-13-01T00:00:00Z"),
                Map.of("after_time", 1700000000), Map.of("before_time", "2025-06-01 12:00"),
                Map.of("after_pub", auth), Map.of("after_publication", "x"),
                Map.of("from_publication", 999_999L), Map.of("until_publication", -1));
        for (Map<String, Object> filters : invalid) {
            ErrorMessage error = getEventsError(reader, List.of(log), filters, WampUris.INVALID_ARGUMENT);
            assertThat(error.payload().args().get(0)).as("message for %s", filters).asString()
                    .startsWith(GET_EVENTS + ": ");
        }
        // a publication of a topic outside the subscription is no anchor
        getEventsError(reader, List.of(basket), Map.of("after_publication", auth), WampUris.INVALID_ARGUMENT);
        // null values count as absent, as everywhere on the wire
        Map<String, Object> nulls = new LinkedHashMap<>();
        nulls.put("limit", null);
        nulls.put("reverse", null);
        assertThat(publications(getEvents(reader, log, nulls), false)).containsExactly(auth);
    }

    @Test
    void inProcessCallersGetWampExceptions() throws Exception {
        LocalSession local = new LocalSession(router, "realm1", new AuthIdentity("spring", "trusted", "local", "t"),
                executor);
        assertThatThrownBy(() -> local.call(GET_EVENTS, Map.of(), Payload.ofArgs(77L)).get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(WampException.class)
                .extracting(failure -> ((WampException) failure).uri()).isEqualTo(WampUris.NO_SUCH_SUBSCRIPTION);
        local.close();
    }
}
