package io.wampspring.router.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.wampspring.router.Disclosure;
import io.wampspring.router.PubSubConfig;
import io.wampspring.router.RealmConfig;
import io.wampspring.router.RouterConfig;
import io.wampspring.router.RpcConfig;
import io.wampspring.router.TestPeer;
import io.wampspring.router.WampRouter;
import io.wampspring.router.auth.AnonymousAuthenticator;
import io.wampspring.router.auth.Authorizer;
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
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shared set-up of the {@code wamp.subscription.get_events} tests: routers whose realm keeps a history by
 * {@link #RULES}, an executor for in-process sessions, acknowledged publications, and get_events calls from remote
 * peers.
 */
abstract class AbstractEventHistoryServiceTest {

    static final String GET_EVENTS = "wamp.subscription.get_events";

    /** Every {@code com.mycompany.log} topic (the spec's example), the audit topic's last two, and the shop's. */
    static final List<HistoryRule> RULES = List.of(
            HistoryRule.ofLimit(MatchPolicy.PREFIX, "com.mycompany.log", 100),
            HistoryRule.ofLimit(MatchPolicy.EXACT, "com.shop.audit", 2),
            HistoryRule.ofLimit(MatchPolicy.PREFIX, "com.shop.", 10));

    private final List<WampRouter> routers = new ArrayList<>();
    final WampRouter router = router(historyRealm(Authorizer.PERMIT_ALL, Disclosure.ON_REQUEST));
    final ExecutorService executor = Executors.newFixedThreadPool(2);

    @AfterEach
    void tearDown() throws InterruptedException {
        routers.forEach(router -> router.shutdown(Duration.ZERO));
        executor.shutdownNow();
        assertThat(executor.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    WampRouter router(RealmConfig realm) {
        WampRouter created = new WampRouter(RouterConfig.defaults(), List.of(realm));
        routers.add(created);
        return created;
    }

    static RealmConfig historyRealm(Authorizer authorizer, Disclosure callerDisclosure) {
        return new RealmConfig("realm1", List.of(new AnonymousAuthenticator("anonymous")), authorizer,
                new RpcConfig(callerDisclosure, Duration.ZERO, List.of()),
                PubSubConfig.defaults().withHistory(RULES, new InMemoryEventStore()));
    }

    static long subscribe(TestPeer peer, String topic, String match) {
        return peer.subscribe(topic, Map.of("match", match));
    }

    /** Publishes with acknowledgement: once PUBLISHED is here, the event is in the history (or never will be). */
    static long publish(TestPeer publisher, String topic, Map<String, Object> options, Object... args) {
        long request = publisher.nextRequest();
        Map<String, Object> acknowledged = new LinkedHashMap<>(options);
        acknowledged.put("acknowledge", true);
        publisher.send(new Publish(request, acknowledged, topic, Payload.ofArgs(args)));
        Published published = publisher.next(Published.class);
        assertThat(published.request()).isEqualTo(request);
        return published.publication();
    }

    static Result getEvents(TestPeer caller, long subscription, Map<String, Object> filters) {
        long request = caller.nextRequest();
        caller.send(new Call(request, Map.of(), GET_EVENTS, Payload.of(List.of(subscription), filters)));
        Result result = caller.next(Result.class);
        assertThat(result.request()).isEqualTo(request);
        return result;
    }

    static ErrorMessage getEventsError(TestPeer caller, List<?> args, @Nullable Map<String, ?> filters,
            String error) {
        long request = caller.nextRequest();
        caller.send(new Call(request, Map.of(), GET_EVENTS, Payload.of(args, filters)));
        return caller.nextError(MessageType.CALL, request, error);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> events(Result result) {
        return (List<Map<String, Object>>) (List<?>) result.payload().args();
    }

    static List<Long> publications(Result result) {
        return events(result).stream().map(event -> (Long) event.get("publication")).toList();
    }

    static List<Long> publications(TestPeer caller, long subscription, Map<String, Object> filters) {
        return publications(getEvents(caller, subscription, filters));
    }

    static List<Long> publications(Result result, boolean more) {
        assertThat(result.payload().kwargs()).isEqualTo(Map.of("count", (long) events(result).size(), "more", more));
        return publications(result);
    }
}
