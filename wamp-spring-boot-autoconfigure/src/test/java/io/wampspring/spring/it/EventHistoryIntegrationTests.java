package io.wampspring.spring.it;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.wampspring.router.message.ErrorMessage;
import io.wampspring.router.message.Result;
import io.wampspring.router.message.Welcome;
import io.wampspring.spring.core.PublishOptions;
import io.wampspring.spring.core.WampTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Event history configured with {@code wamp.pubsub.event-history}: a remote client and the application publish,
 * another remote client reads the history of its subscription with {@code wamp.subscription.get_events}, which the
 * test grants anonymous clients (the meta API is closed to clients by default).
 */
@TestPropertySource(properties = {
        "wamp.realms[0].roles.anonymous.permissions[0].uri=",
        "wamp.realms[0].roles.anonymous.permissions[0].match=prefix",
        "wamp.realms[0].roles.anonymous.permissions[0].allow=all",
        "wamp.realms[0].roles.anonymous.permissions[1].uri=wamp.subscription.get_events",
        "wamp.realms[0].roles.anonymous.permissions[1].allow=call",
        "wamp.pubsub.event-history[0].topic=com.test.history.",
        "wamp.pubsub.event-history[0].match=prefix",
        "wamp.pubsub.event-history[0].limit=3",
        "wamp.pubsub.event-history[0].max-age=1h"})
class EventHistoryIntegrationTests extends AbstractWampIntegrationTests {

    private static final String GET_EVENTS = "wamp.subscription.get_events";

    @Autowired
    WampTemplate template;

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> events(Result result) {
        return (List<Map<String, Object>>) (List<?>) result.payload().args();
    }

    @AllSerializers
    @SuppressWarnings("unchecked")
    void aClientReadsWhatWasPublishedWithinTheRulesBound(String serializer) throws Exception {
        String topics = "com.test.history." + serializer + ".";
        TestWampClient reader = connect(serializer);
        Welcome welcome = reader.hello("realm1");
        Map<String, Object> broker = (Map<String, Object>) ((Map<String, Object>) welcome.details().get("roles"))
                .get("broker");
        assertThat((Map<String, Object>) broker.get("features")).containsEntry("event_history", true);
        long subscription = reader.subscribeWith(topics, Map.of("match", "prefix"));
        TestWampClient publisher = join(serializer);

        publisher.publishAcknowledged(topics + "orders", List.of(1), null);
        long stock = publisher.publishAcknowledged(topics + "stock", List.of(2), null);
        Long fromTheApplication = template.publish(topics + "orders", List.of(3), null,
                PublishOptions.DEFAULTS.withAcknowledge(true)).get(10, TimeUnit.SECONDS);
        long third = publisher.publishAcknowledged(topics + "orders", List.of(4), Map.of("sku", "book"));
        long fourth = publisher.publishAcknowledged(topics + "orders", List.of(5), null);
        publisher.publishAcknowledged("com.test.elsewhere", List.of(6), null);

        // the rule keeps 3 events per topic: the first order is gone
        Result all = reader.callForResult(GET_EVENTS, List.of(subscription), Map.of());
        assertThat(events(all)).extracting(event -> event.get("publication"))
                .containsExactly(stock, fromTheApplication, third, fourth);
        assertThat(all.payload().kwargs()).isEqualTo(Map.of("count", 4L, "more", false));
        Map<String, Object> event = events(all).get(2);
        assertThat(event).containsEntry("subscription", subscription).containsEntry("args", List.of(4L))
                .containsEntry("kwargs", Map.of("sku", "book"))
                .containsEntry("details", Map.of("topic", topics + "orders"));
        assertThat((String) event.get("timestamp")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");

        Result newest = reader.callForResult(GET_EVENTS, List.of(subscription),
                Map.of("reverse", true, "limit", 2, "topic", topics + "orders"));
        assertThat(events(newest)).extracting(e -> e.get("publication")).containsExactly(fourth, third);
        assertThat(newest.payload().kwargs()).isEqualTo(Map.of("count", 2L, "more", true));

        ErrorMessage unknown = reader.callForError(GET_EVENTS, List.of(subscription + 1), null);
        assertThat(unknown.error()).isEqualTo("wamp.error.no_such_subscription");
    }
}
