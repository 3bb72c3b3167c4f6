package io.wampspring.sample.interop;

import static io.wampspring.sample.interop.Values.listOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.wampspring.sample.interop.NodeWampClient.Event;
import org.junit.jupiter.api.Test;

/**
 * What only autobahn-js 26 can send of the advanced PubSub profile: it passes PUBLISH.Options through as given, so it
 * can publish with {@code exclude_me: false}, with empty black- and whitelists, without acknowledge, and with
 * {@code retain} (the base class's retention test uses it as the retaining publisher).
 */
abstract class AbstractAutobahnJsAdvancedPubSubInteropTest extends AbstractAdvancedPubSubInteropTest {

    @Override
    String library() {
        return "autobahn";
    }

    /** exclude_me false: the publisher subscribed to its topic gets its own event, the same publication. */
    @Test
    void excludeMeFalseDeliversThePublishersOwnEvent() {
        String topic = uri("own");
        subscribed(publisher.subscribe(topic, topic, NONE));
        subscribed(subscriber.subscribe(topic, topic, NONE));

        long own = publish(publisher, topic, "own", Map.of("exclude_me", false));
        long excluded = publish(publisher, topic, "excluded", NONE);
        long ownAgain = publish(publisher, topic, "own again", Map.of("exclude_me", false, "disclose_me", true));

        assertThat(subscriber.eventsOf(topic, 3)).extracting(Event::publication).containsExactly(own, excluded,
                ownAgain);
        List<Event> ownEvents = publisher.eventsOf(topic, 2);
        assertThat(ownEvents).extracting(Event::publication).containsExactly(own, ownAgain);
        assertThat(ownEvents.get(1).details()).containsEntry("publisher", publisherSession.sessionId());
    }

    /** An empty eligible list admits nobody, an empty exclude list excludes nobody (autobahn-js sends both). */
    @Test
    void emptyListsEligibleNobodyAndExcludeNobody() {
        String topic = uri("empty_lists");
        subscribed(subscriber.subscribe(topic, topic, NONE));

        publish(publisher, topic, "eligible nobody", Map.of("eligible", List.of()));
        publish(publisher, topic, "eligible authid nobody", Map.of("eligible_authid", List.of()));
        publish(publisher, topic, "exclude nobody", Map.of("exclude", List.of(), "exclude_authrole", List.of()));
        publish(publisher, topic, "marker", NONE);

        assertThat(labels(subscriber.eventsOf(topic, 2))).containsExactly("exclude nobody", "marker");
    }

    /**
     * Without acknowledge a refused publication is dropped in silence: no ERROR for the publisher, no event for the
     * subscriber, and both sessions go on.
     */
    @Test
    void anUnacknowledgedPublicationWithBadOptionsIsDroppedSilently() {
        String topic = uri("unacknowledged");
        subscribed(subscriber.subscribe(topic, topic, NONE));
        long errorsBefore = errorsReceived();

        assertThat(publisher.publish(topic, listOf("bad"), null, Map.of("acknowledge", false, "eligible", "x")))
                .isEqualTo(new NodeWampClient.Published(null, null));
        assertThat(publisher.publish(topic, listOf("fine, unacknowledged"), null, Map.of("acknowledge", false)))
                .isEqualTo(new NodeWampClient.Published(null, null));
        long marker = publish(publisher, topic, "marker", NONE);

        assertThat(labels(subscriber.eventsOf(topic, 2))).containsExactly("fine, unacknowledged", "marker");
        assertThat(subscriber.eventsOf(topic, 2).get(1).publication()).isEqualTo(marker);
        assertThat(errorsReceived()).as("ERRORs the publisher received").isEqualTo(errorsBefore);
    }

    private long errorsReceived() {
        return publisher.receivedRpcMessages().stream().filter(message -> message.get(0).equals(8L)).count();
    }

    /** autobahn-js checks no URI itself: the broker refuses a malformed and a reserved topic with invalid_uri. */
    @Test
    void malformedAndReservedTopicsAreRefusedWithInvalidUri() {
        String topic = uri("uris");
        assertThat(publisher.publish(topic + "..x", listOf(1), null, NONE).error())
                .isEqualTo("wamp.error.invalid_uri");
        assertThat(publisher.publish("wamp.session.on_join", listOf(1), null, NONE).error())
                .isEqualTo("wamp.error.invalid_uri");
        assertThat(publisher.publish(topic + " x", listOf(1), null, NONE).error())
                .isEqualTo("wamp.error.invalid_uri");
        assertThat(publisher.isOpen()).isTrue();
    }
}
