package io.wampspring.router;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AnnouncedFeaturesTest {

    private static final Map<String, Object> AUTOBAHN_LIKE = Map.of(
            "caller", Map.of("features", Map.of("progressive_call_results", true, "call_timeout", true,
                    "call_canceling", false)),
            "callee", Map.of("features", Map.of("call_canceling", true, "registration_revocation", true)),
            "subscriber", Map.of());

    @Test
    void onlyFeaturesAnnouncedTrueCountForTheirOwnRole() {
        AnnouncedFeatures features = AnnouncedFeatures.parse(AUTOBAHN_LIKE);

        assertThat(features.has("caller", "progressive_call_results")).isTrue();
        assertThat(features.has("callee", "call_canceling")).isTrue();
        assertThat(features.has("caller", "call_canceling")).as("announced false").isFalse();
        assertThat(features.has("caller", "registration_revocation")).as("another role's").isFalse();
        assertThat(features.has("subscriber", "subscription_revocation")).as("a role without features").isFalse();
        assertThat(features.has("publisher", "publisher_exclusion")).as("a role not announced").isFalse();
    }

    @Test
    void sessionsAnnouncingTheSameFeaturesShareOneInstance() {
        AnnouncedFeatures.Shared shared = new AnnouncedFeatures.Shared(8);
        // the second HELLO is parsed into maps of its own: equal, not the same
        Map<String, Object> again = Map.of(
                "subscriber", Map.of("features", Map.of()),
                "callee", Map.of("features", Map.of("registration_revocation", true, "call_canceling", true,
                        "unknown_feature", false)),
                "caller", Map.of("features", Map.of("call_timeout", true, "progressive_call_results", true)));

        assertThat(shared.of(again)).isSameAs(shared.of(AUTOBAHN_LIKE));
        assertThat(shared.of(Map.of("caller", Map.of("features", Map.of("call_timeout", true)))))
                .isNotSameAs(shared.of(AUTOBAHN_LIKE));
        assertThat(shared.size()).isEqualTo(2);
    }

    @Test
    void malformedRolesAnnounceNothingRatherThanFail() {
        AnnouncedFeatures features = AnnouncedFeatures.parse(Map.of(
                "caller", "not a dictionary",
                "callee", Map.of("features", "not a dictionary"),
                "publisher", Map.of("features", Map.of("publisher_exclusion", "yes"))));

        assertThat(features.has("caller", "call_timeout")).isFalse();
        assertThat(features.has("callee", "call_canceling")).isFalse();
        assertThat(features.has("publisher", "publisher_exclusion")).as("only a boolean true counts").isFalse();
    }

    @Test
    void pastTheSharedLimitEachSessionKeepsItsOwnAndNothingMoreIsRetained() {
        AnnouncedFeatures.Shared shared = new AnnouncedFeatures.Shared(16);
        for (int i = 0; i < 26; i++) {
            shared.of(Map.of("caller", Map.of("features", Map.of("made_up_" + i, true))));
        }
        AnnouncedFeatures first = shared.of(Map.of("callee", Map.of("features", Map.of("x_y_z", true))));
        AnnouncedFeatures second = shared.of(Map.of("callee", Map.of("features", Map.of("x_y_z", true))));

        assertThat(first).isEqualTo(second).isNotSameAs(second);
        assertThat(first.has("callee", "x_y_z")).isTrue();
        assertThat(shared.size()).isEqualTo(16);
    }
}
