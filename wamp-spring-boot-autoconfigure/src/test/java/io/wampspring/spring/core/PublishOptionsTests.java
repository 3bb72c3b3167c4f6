package io.wampspring.spring.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The PUBLISH.Options {@link PublishOptions} sends, with the spec's names. */
class PublishOptionsTests {

    @Test
    void defaultsSendNoOptions() {
        assertThat(PublishOptions.DEFAULTS.toMap()).isEmpty();
        assertThat(PublishOptions.DEFAULTS.excludeMe()).isTrue();
        assertThat(PublishOptions.DEFAULTS.eligible()).isNull();
    }

    @Test
    void eachFlagUnderItsSpecName() {
        assertThat(PublishOptions.DEFAULTS.withAcknowledge(true).toMap()).isEqualTo(Map.of("acknowledge", true));
        assertThat(PublishOptions.DEFAULTS.withExcludeMe(false).toMap()).isEqualTo(Map.of("exclude_me", false));
        assertThat(PublishOptions.DEFAULTS.withDiscloseMe(true).toMap()).isEqualTo(Map.of("disclose_me", true));
        assertThat(PublishOptions.DEFAULTS.withRetain(true).toMap()).isEqualTo(Map.of("retain", true));
    }

    @Test
    void flagsBackToTheirDefaultsAreLeftOut() {
        PublishOptions options = PublishOptions.DEFAULTS.withAcknowledge(true).withExcludeMe(false)
                .withDiscloseMe(true).withRetain(true)
                .withAcknowledge(false).withExcludeMe(true).withDiscloseMe(false).withRetain(false);
        assertThat(options.toMap()).isEmpty();
        assertThat(options).isEqualTo(PublishOptions.DEFAULTS);
    }

    @Test
    void eachListUnderItsSpecName() {
        assertThat(PublishOptions.DEFAULTS.withExclude(List.of(1L, 2L)).toMap())
                .isEqualTo(Map.of("exclude", List.of(1L, 2L)));
        assertThat(PublishOptions.DEFAULTS.withExcludeAuthid(List.of("bob")).toMap())
                .isEqualTo(Map.of("exclude_authid", List.of("bob")));
        assertThat(PublishOptions.DEFAULTS.withExcludeAuthrole(List.of("guest")).toMap())
                .isEqualTo(Map.of("exclude_authrole", List.of("guest")));
        assertThat(PublishOptions.DEFAULTS.withEligible(List.of(3L)).toMap())
                .isEqualTo(Map.of("eligible", List.of(3L)));
        assertThat(PublishOptions.DEFAULTS.withEligibleAuthid(List.of("alice", "carol")).toMap())
                .isEqualTo(Map.of("eligible_authid", List.of("alice", "carol")));
        assertThat(PublishOptions.DEFAULTS.withEligibleAuthrole(List.of("admin")).toMap())
                .isEqualTo(Map.of("eligible_authrole", List.of("admin")));
    }

    @Test
    void everyOptionTogether() {
        PublishOptions options = PublishOptions.DEFAULTS.withAcknowledge(true).withExcludeMe(false)
                .withDiscloseMe(true).withRetain(true).withExclude(List.of(1L)).withExcludeAuthid(List.of("a"))
                .withExcludeAuthrole(List.of("r")).withEligible(List.of(2L)).withEligibleAuthid(List.of("b"))
                .withEligibleAuthrole(List.of("s")).with("x_custom", "value");
        assertThat(options.toMap()).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("acknowledge", true), Map.entry("exclude_me", false), Map.entry("disclose_me", true),
                Map.entry("retain", true), Map.entry("exclude", List.of(1L)), Map.entry("exclude_authid", List.of("a")),
                Map.entry("exclude_authrole", List.of("r")), Map.entry("eligible", List.of(2L)),
                Map.entry("eligible_authid", List.of("b")), Map.entry("eligible_authrole", List.of("s")),
                Map.entry("x_custom", "value")));
    }

    @Test
    void anEmptyEligibleListIsSentAndANullOneIsNot() {
        PublishOptions nobody = PublishOptions.DEFAULTS.withEligible(List.of()).withEligibleAuthrole(List.of());
        assertThat(nobody.toMap()).isEqualTo(Map.of("eligible", List.of(), "eligible_authrole", List.of()));

        PublishOptions cleared = nobody.withEligible(null).withEligibleAuthrole(null);
        assertThat(cleared.toMap()).isEmpty();
        assertThat(cleared.eligible()).isNull();
    }

    @Test
    void listsAreCopiedAndImmutable() {
        List<Long> sessions = new ArrayList<>(List.of(1L));
        PublishOptions options = PublishOptions.DEFAULTS.withExclude(sessions);
        sessions.add(2L);
        assertThat(options.exclude()).containsExactly(1L);
        assertThatThrownBy(() -> options.exclude().add(3L)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(PublishOptions.DEFAULTS.exclude()).isNull();
    }

    @Test
    void withLeavesTheOriginalUnchanged() {
        PublishOptions original = PublishOptions.DEFAULTS.withRetain(true);
        PublishOptions changed = original.withEligibleAuthid(List.of("a")).with("x_custom", 1);
        assertThat(original.toMap()).isEqualTo(Map.of("retain", true));
        assertThat(changed.toMap()).isEqualTo(Map.of("retain", true, "eligible_authid", List.of("a"),
                "x_custom", 1));
    }
}
