package io.wampspring.spring.core;

import java.util.Map;

import io.wampspring.spring.annotation.Match;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The SUBSCRIBE.Options {@link SubscribeOptions} sends, with the spec's names. */
class SubscribeOptionsTests {

    @Test
    void defaultsSendNoOptions() {
        assertThat(SubscribeOptions.DEFAULTS.toMap()).isEmpty();
        assertThat(SubscribeOptions.DEFAULTS.match()).isEqualTo(Match.EXACT);
        assertThat(SubscribeOptions.DEFAULTS.getRetained()).isFalse();
    }

    @Test
    void matchPoliciesInLowerCase() {
        assertThat(SubscribeOptions.DEFAULTS.withMatch(Match.PREFIX).toMap()).isEqualTo(Map.of("match", "prefix"));
        assertThat(SubscribeOptions.DEFAULTS.withMatch(Match.WILDCARD).toMap())
                .isEqualTo(Map.of("match", "wildcard"));
        assertThat(SubscribeOptions.DEFAULTS.withMatch(Match.EXACT).toMap()).isEmpty();
    }

    @Test
    void getRetainedWhenAsked() {
        assertThat(SubscribeOptions.DEFAULTS.withGetRetained(true).toMap()).isEqualTo(Map.of("get_retained", true));
        assertThat(SubscribeOptions.DEFAULTS.withGetRetained(true).withGetRetained(false).toMap()).isEmpty();
    }

    @Test
    void everyOptionTogetherWithExtras() {
        SubscribeOptions options = SubscribeOptions.DEFAULTS.withMatch(Match.WILDCARD).withGetRetained(true)
                .with("x_custom", "value");
        assertThat(options.toMap()).isEqualTo(Map.of("match", "wildcard", "get_retained", true,
                "x_custom", "value"));
        assertThat(SubscribeOptions.DEFAULTS.toMap()).isEmpty();
    }
}
