package io.wampspring.spring.binding;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@link WampEventContext} reads from EVENT.Details. */
class WampEventContextTests {

    private static WampEventContext event(Map<String, Object> details) {
        return new WampEventContext("com.example.topic", 1, 2, details, List.of(), Map.of());
    }

    @Test
    void aDisclosedPublisher() {
        WampEventContext event = event(Map.of("publisher", 42L, "publisher_authid", "alice",
                "publisher_authrole", "admin"));
        assertThat(event.publisherSessionId()).isEqualTo(42L);
        assertThat(event.publisherAuthid()).isEqualTo("alice");
        assertThat(event.publisherAuthrole()).isEqualTo("admin");
        assertThat(event.retained()).isFalse();
    }

    @Test
    void anUndisclosedPublisher() {
        WampEventContext event = event(Map.of());
        assertThat(event.publisherSessionId()).isNull();
        assertThat(event.publisherAuthid()).isNull();
        assertThat(event.publisherAuthrole()).isNull();
        assertThat(event.topic()).isEqualTo("com.example.topic");
    }

    @Test
    void aSessionIdOfAnyIntegerType() {
        // a decoded frame may carry a small id as an Integer
        assertThat(event(Map.of("publisher", 7)).publisherSessionId()).isEqualTo(7L);
    }

    @Test
    void valuesOfTheWrongTypeAreAbsent() {
        WampEventContext event = event(Map.of("publisher", "42", "publisher_authid", 1L,
                "publisher_authrole", true, "retained", "true"));
        assertThat(event.publisherSessionId()).isNull();
        assertThat(event.publisherAuthid()).isNull();
        assertThat(event.publisherAuthrole()).isNull();
        assertThat(event.retained()).isFalse();
    }

    @Test
    void aRetainedEvent() {
        assertThat(event(Map.of("retained", true)).retained()).isTrue();
        assertThat(event(Map.of("retained", false)).retained()).isFalse();
    }
}
