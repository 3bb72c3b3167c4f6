package io.wampspring.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.wampspring.router.PubSubConfig;
import io.wampspring.router.WampRouter;
import io.wampspring.router.history.EventStore;
import io.wampspring.router.history.HistoryQuery;
import io.wampspring.router.history.HistoryRule;
import io.wampspring.router.history.InMemoryEventStore;
import io.wampspring.router.history.StoredEvent;
import io.wampspring.router.match.MatchPolicy;
import io.wampspring.spring.core.WampTemplate;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code wamp.pubsub.event-history} and the {@link EventStore} reach every realm's broker. */
class WampEventHistoryPropertiesTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(JacksonAutoConfiguration.class, TaskExecutionAutoConfiguration.class,
                    WampAutoConfiguration.class));

    @Test
    void withoutRulesThereIsNoEventHistory() {
        runner.run(context -> {
            PubSubConfig pubsub = context.getBean(WampRouter.class).realm("realm1").broker().config();
            assertThat(pubsub.history()).isEmpty();
            assertThat(pubsub.eventStore()).isInstanceOf(InMemoryEventStore.class);
            assertThat(context.getBean(WampRouter.class).realm("realm1").broker().features())
                    .doesNotContainKey("event_history");
        });
    }

    @Test
    void rulesApplyToEveryRealmWithTheInMemoryStoreByDefault() {
        runner.withPropertyValues("wamp.realms[0].name=realm1", "wamp.realms[1].name=internal",
                "wamp.pubsub.event-history[0].topic=com.shop.audit",
                "wamp.pubsub.event-history[0].limit=100",
                "wamp.pubsub.event-history[1].topic=com.shop.sensor.",
                "wamp.pubsub.event-history[1].match=prefix",
                "wamp.pubsub.event-history[1].max-age=10m",
                "wamp.pubsub.event-history[2].topic=com.shop..status",
                "wamp.pubsub.event-history[2].match=wildcard",
                "wamp.pubsub.event-history[2].limit=5",
                "wamp.pubsub.event-history[2].max-age=1h").run(context -> {
                    assertThat(context).hasNotFailed();
                    WampRouter router = context.getBean(WampRouter.class);
                    List<HistoryRule> expected = List.of(
                            new HistoryRule(MatchPolicy.EXACT, "com.shop.audit", 100, Duration.ZERO),
                            new HistoryRule(MatchPolicy.PREFIX, "com.shop.sensor.", 0, Duration.ofMinutes(10)),
                            new HistoryRule(MatchPolicy.WILDCARD, "com.shop..status", 5, Duration.ofHours(1)));
                    for (String realm : List.of("realm1", "internal")) {
                        PubSubConfig pubsub = router.realm(realm).broker().config();
                        assertThat(pubsub.history()).containsExactlyElementsOf(expected);
                        assertThat(pubsub.eventStore()).isInstanceOf(InMemoryEventStore.class);
                        assertThat(router.realm(realm).broker().features()).containsEntry("event_history", true);
                    }
                    assertThat(router.realm("internal").broker().config().eventStore())
                            .isSameAs(router.realm("realm1").broker().config().eventStore());
                });
    }

    @Test
    void anApplicationsEventStoreKeepsWhatIsPublished() {
        runner.withUserConfiguration(RecordingStoreConfiguration.class)
                .withPropertyValues("wamp.pubsub.event-history[0].topic=com.shop.audit",
                        "wamp.pubsub.event-history[0].limit=10")
                .run(context -> {
                    RecordingEventStore store = context.getBean(RecordingEventStore.class);
                    WampRouter router = context.getBean(WampRouter.class);
                    assertThat(router.realm("realm1").broker().config().eventStore()).isSameAs(store);

                    context.getBean(WampTemplate.class).publish("com.shop.audit", "checked").get(5, TimeUnit.SECONDS);
                    context.getBean(WampTemplate.class).publish("com.shop.other", "not kept")
                            .get(5, TimeUnit.SECONDS);

                    assertThat(store.appended).singleElement().satisfies(event -> {
                        assertThat(event.realm()).isEqualTo("realm1");
                        assertThat(event.topic()).isEqualTo("com.shop.audit");
                        assertThat(event.payload().args()).containsExactly("checked");
                    });
                });
    }

    @Test
    void aRuleWithoutABoundFailsTheStartNamingTheProperty() {
        runner.withPropertyValues("wamp.pubsub.event-history[0].topic=com.shop.audit",
                "wamp.pubsub.event-history[0].limit=10",
                "wamp.pubsub.event-history[1].topic=com.shop.unbounded").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .hasMessageContaining("wamp.pubsub.event-history[1]")
                            .hasMessageContaining("'com.shop.unbounded' has no bound")
                            .hasMessageContaining("wamp.pubsub.event-history[1].max-age");
                });
        runner.withPropertyValues("wamp.pubsub.event-history[0].topic=com.shop.audit",
                "wamp.pubsub.event-history[0].limit=-1").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .hasMessageContaining("wamp.pubsub.event-history[0]").hasMessageContaining("negative");
                });
    }

    @Test
    void aRuleWithoutAValidTopicFailsTheStart() {
        runner.withPropertyValues("wamp.pubsub.event-history[0].limit=10").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("wamp.pubsub.event-history[0].topic '' is not a valid exact topic URI");
        });
        runner.withPropertyValues("wamp.pubsub.event-history[0].topic=com.shop..status",
                "wamp.pubsub.event-history[0].limit=10").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().hasMessageContaining(
                            "wamp.pubsub.event-history[0].topic 'com.shop..status' is not a valid exact topic URI");
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class RecordingStoreConfiguration {

        @Bean
        RecordingEventStore recordingEventStore() {
            return new RecordingEventStore();
        }
    }

    /** A store of the application's: keeps events in memory and remembers what it was given. */
    static final class RecordingEventStore implements EventStore {

        final List<StoredEvent> appended = new CopyOnWriteArrayList<>();
        private final InMemoryEventStore events = new InMemoryEventStore();

        @Override
        public void append(StoredEvent event, HistoryRule rule) {
            appended.add(event);
            events.append(event, rule);
        }

        @Override
        public List<StoredEvent> query(HistoryQuery query) {
            return events.query(query);
        }

        @Override
        public @Nullable StoredEvent find(String realm, long publication) {
            return events.find(realm, publication);
        }

        @Override
        public long lastSequence(String realm) {
            return events.lastSequence(realm);
        }
    }
}
