package io.wampspring.spring.invocation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.wampspring.router.message.Event;
import io.wampspring.router.message.Payload;
import io.wampspring.spring.binding.WampEventContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which events {@link TopicHandler} hands to its body. Handlers of one session on one topic share the router's
 * subscription, so the EVENTs here are what any of them may be sent.
 */
class TopicHandlerTests {

    private final List<WampEventContext> received = new ArrayList<>();

    private static Event live(long publication) {
        return new Event(1, publication, Map.of(), Payload.ofArgs(publication));
    }

    private static Event retained(long publication) {
        return new Event(1, publication, Map.of("retained", true), Payload.ofArgs(publication));
    }

    private List<Long> publications() {
        return received.stream().map(WampEventContext::publicationId).toList();
    }

    @Test
    void theBodyLearnsThePublishedTopicOfAPatternSubscription() {
        TopicHandler handler = new TopicHandler("com.example.", received::add, "test");
        handler.onEvent(new Event(1, 2, Map.of("topic", "com.example.sensor"), Payload.of(List.of("a"),
                Map.of("k", 1L))));
        handler.onEvent(new Event(1, 3, Map.of(), Payload.EMPTY));
        assertThat(received).extracting(WampEventContext::topic)
                .containsExactly("com.example.sensor", "com.example.");
        assertThat(received.get(0).args()).containsExactly("a");
        assertThat(received.get(0).kwargs()).isEqualTo(Map.of("k", 1L));
        assertThat(received.get(1).args()).isEmpty();
        assertThat(received.get(1).kwargs()).isEmpty();
    }

    @Test
    void failuresAreCountedAndTheNextEventStillArrives() {
        TopicHandler handler = new TopicHandler("com.example.topic", event -> {
            if (event.publicationId() % 2 == 0) {
                throw new IllegalStateException("even");
            }
            received.add(event);
        }, "test");
        for (long publication = 1; publication <= 5; publication++) {
            handler.onEvent(live(publication));
        }
        assertThat(handler.failures()).isEqualTo(2);
        assertThat(publications()).containsExactly(1L, 3L, 5L);
    }

    @Test
    void aStoppedHandlerPassesNothingOn() {
        TopicHandler handler = new TopicHandler("com.example.topic", received::add, "test");
        handler.onEvent(live(1));
        handler.stop();
        handler.onEvent(live(2));
        handler.onEvent(retained(3));
        assertThat(publications()).containsExactly(1L);
    }
}
