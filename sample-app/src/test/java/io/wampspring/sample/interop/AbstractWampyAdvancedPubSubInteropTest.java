package io.wampspring.sample.interop;

import static io.wampspring.sample.interop.Values.listOf;
import static io.wampspring.sample.interop.Values.mapOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.wampspring.spring.core.PublishOptions;
import org.junit.jupiter.api.Test;

/**
 * What is particular to wampy 8: its PUBLISH carries {@code acknowledge: true} always, {@code exclude_me} and
 * {@code disclose_me} only when true, never {@code retain} (checked, then dropped), and the black- and whitelists
 * (a single value made a list of one; an empty list wampy refuses itself). Retained events for its get_retained
 * subscribers therefore come from WampTemplate.
 */
abstract class AbstractWampyAdvancedPubSubInteropTest extends AbstractAdvancedPubSubInteropTest {

    @Override
    String library() {
        return "wampy";
    }

    /** wampy cannot send retain: the retained events come from the application's WampTemplate. */
    @Override
    long publishRetained(String topic, String label) throws Exception {
        Long publication = wamp.publish(topic, listOf(label), null,
                PublishOptions.DEFAULTS.withAcknowledge(true).withRetain(true)).get(30, TimeUnit.SECONDS);
        assertThat(publication).isNotNull();
        return publication;
    }

    /**
     * What wampy puts on the wire for options it does not send: exclude_me false, retain and acknowledge false are
     * gone (so its publisher never gets its own event and retains nothing), acknowledge is always true; a single
     * eligible session id becomes a list of one, which works.
     */
    @Test
    void wampyDropsExcludeMeFalseAndRetainAndAlwaysAcknowledges() {
        String topic = uri("wampy_options");
        subscribed(publisher.subscribe(topic, topic, NONE));
        subscribed(subscriber.subscribe(topic, topic, NONE));

        long dropped = publish(publisher, topic, "dropped options",
                Map.of("exclude_me", false, "retain", true, "acknowledge", false));
        long single = publish(publisher, topic, "single eligible",
                Map.of("eligible", subscriberSession.sessionId()));

        assertThat(subscriber.eventsOf(topic, 2)).extracting(NodeWampClient.Event::publication)
                .containsExactly(dropped, single);
        assertThat(publisher.eventsOf(topic, 0)).as("the publisher's own events").isEmpty();
        List<List<Object>> sent = publisher.sentPubSubRequests().stream()
                .filter(message -> message.get(0).equals(16L) && topic.equals(message.get(3))).toList();
        assertThat(sent).extracting(message -> message.get(2)).containsExactly(mapOf("acknowledge", true),
                mapOf("acknowledge", true, "eligible", listOf(subscriberSession.sessionId())));

        // nothing was retained: a new get_retained subscriber gets only what is published after it
        subscribed(other.subscribe(topic, topic, Map.of("get_retained", true)));
        long live = publish(publisher, topic, "live", NONE);
        assertThat(other.eventsOf(topic, 1)).extracting(NodeWampClient.Event::publication).containsExactly(live);
    }
}
