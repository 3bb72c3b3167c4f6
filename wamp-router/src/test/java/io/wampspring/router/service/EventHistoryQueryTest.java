package io.wampspring.router.service;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.wampspring.router.TestPeer;
import io.wampspring.router.WampUris;
import io.wampspring.router.message.ErrorMessage;
import io.wampspring.router.message.Result;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code wamp.subscription.get_events} answers: the events of exact, prefix and wildcard subscriptions as they
 * received them, narrowed by its filters (time, publication, topic), paged with limit and reverse, and the errors for
 * bad arguments.
 */
class EventHistoryQueryTest extends AbstractEventHistoryServiceTest {

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
        // an anchor as wampy's MessagePack and CBOR encoders send an integer beyond 2^32: an integral float
        assertThat(publications(getEvents(reader, feed,
                Map.of("limit", 3, "reverse", true, "before_publication", (double) p[4])), true))
                .containsExactly(p[3], p[2], p[1]);
        assertThat(publications(getEvents(reader, feed, Map.of("limit", 7)), false)).hasSize(7);
        assertThat(publications(getEvents(reader, feed, Map.of("reverse", false)), false)).hasSize(7);
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
}
