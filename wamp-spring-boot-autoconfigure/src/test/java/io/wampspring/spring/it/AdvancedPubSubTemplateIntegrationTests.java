package io.wampspring.spring.it;

import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import io.wampspring.router.message.Event;
import io.wampspring.router.message.Welcome;
import io.wampspring.spring.annotation.Match;
import io.wampspring.spring.binding.WampEventContext;
import io.wampspring.spring.core.PublishOptions;
import io.wampspring.spring.core.SubscribeOptions;
import io.wampspring.spring.core.WampSubscription;
import io.wampspring.spring.core.WampTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static io.wampspring.spring.it.TestWampClient.await;
import static io.wampspring.spring.it.TestWampClient.poll;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The advanced PubSub options from Java code, against remote peers: event retention ({@code retain},
 * {@code get_retained}), publisher identification ({@code disclose_me}) and subscriber black- and whitelisting.
 * Where a test shows that an event did not arrive, it publishes a marker after it: one publisher's events arrive in
 * order, so a subscriber whose next event is the marker never got the one before.
 */
class AdvancedPubSubTemplateIntegrationTests extends AbstractWampIntegrationTests {

    private static final PublishOptions ACKNOWLEDGED = PublishOptions.DEFAULTS.withAcknowledge(true);

    @Autowired
    WampTemplate template;

    private static Object firstArg(WampEventContext event) {
        return event.args().get(0);
    }

    private static Object firstArg(Event event) {
        return event.payload().args().get(0);
    }

    // ---- event retention ----

    @AllSerializers
    void theLastRetainedEventReachesASubscriptionThatAsksRightAfterSubscribing(String serializer) {
        String topic = "test.advanced.retained." + serializer;
        TestWampClient publisher = join(serializer);
        publisher.publishAcknowledged(topic, Map.of("retain", true), List.of("first"), null);
        long kept = publisher.publishAcknowledged(topic, Map.of("retain", true), List.of("kept"), Map.of("k", 1));
        publisher.publishAcknowledged(topic, List.of("not retained"), null);

        BlockingQueue<WampEventContext> received = new LinkedBlockingQueue<>();
        WampSubscription subscription = await(template.subscribe(topic,
                SubscribeOptions.DEFAULTS.withGetRetained(true), received::add));
        WampEventContext retained = poll(received, "the retained event");
        assertThat(retained.retained()).isTrue();
        assertThat(retained.publicationId()).isEqualTo(kept);
        assertThat(retained.args()).containsExactly("kept");
        assertThat(retained.kwargs()).isEqualTo(Map.of("k", 1L));
        assertThat(retained.topic()).isEqualTo(topic);

        publisher.publishAcknowledged(topic, List.of("live"), null);
        WampEventContext live = poll(received, "the live event");
        assertThat(firstArg(live)).isEqualTo("live");
        assertThat(live.retained()).isFalse();
        await(subscription.unsubscribe());
    }

    @Test
    void onlyTheHandlersThatAskedGetTheRetainedEventAndEachOnce() {
        String topic = "test.advanced.retained.shared";
        TestWampClient publisher = join("json");
        publisher.publishAcknowledged(topic, Map.of("retain", true), List.of("kept"), null);

        // three handlers of the template's session share one router subscription
        BlockingQueue<WampEventContext> plain = new LinkedBlockingQueue<>();
        BlockingQueue<WampEventContext> first = new LinkedBlockingQueue<>();
        BlockingQueue<WampEventContext> second = new LinkedBlockingQueue<>();
        List<WampSubscription> subscriptions = List.of(
                await(template.subscribe(topic, SubscribeOptions.DEFAULTS, plain::add)),
                await(template.subscribe(topic, SubscribeOptions.DEFAULTS.withGetRetained(true), first::add)),
                await(template.subscribe(topic, SubscribeOptions.DEFAULTS.withGetRetained(true), second::add)));
        assertThat(subscriptions).extracting(WampSubscription::id).containsOnly(subscriptions.get(0).id());
        publisher.publishAcknowledged(topic, List.of("marker"), null);

        for (BlockingQueue<WampEventContext> asked : List.of(first, second)) {
            WampEventContext retained = poll(asked, "the retained event");
            assertThat(retained.retained()).isTrue();
            assertThat(firstArg(retained)).isEqualTo("kept");
            assertThat(firstArg(poll(asked, "the marker"))).isEqualTo("marker");
        }
        assertThat(firstArg(poll(plain, "the marker"))).isEqualTo("marker");
        assertThat(plain).isEmpty();
        assertThat(first).isEmpty();
        subscriptions.forEach(subscription -> await(subscription.unsubscribe()));
    }

    @Test
    void aPatternSubscriptionGetsTheRetainedEventOfEveryMatchingTopic() {
        String prefix = "test.advanced.retained.pattern.";
        TestWampClient publisher = join("cbor");
        publisher.publishAcknowledged(prefix + "rack1", Map.of("retain", true), List.of(21), null);
        publisher.publishAcknowledged(prefix + "rack2", Map.of("retain", true), List.of(22), null);
        publisher.publishAcknowledged("test.advanced.retained.elsewhere", Map.of("retain", true), List.of(0), null);

        BlockingQueue<WampEventContext> received = new LinkedBlockingQueue<>();
        WampSubscription subscription = await(template.subscribe(prefix,
                SubscribeOptions.DEFAULTS.withMatch(Match.PREFIX).withGetRetained(true), received::add));
        WampEventContext one = poll(received, "a retained event");
        WampEventContext other = poll(received, "another retained event");
        assertThat(List.of(one, other)).allMatch(WampEventContext::retained);
        assertThat(List.of(one.topic() + "=" + firstArg(one), other.topic() + "=" + firstArg(other)))
                .containsExactlyInAnyOrder(prefix + "rack1=21", prefix + "rack2=22");

        publisher.publishAcknowledged(prefix + "rack3", List.of(23), null);
        WampEventContext live = poll(received, "the live event");
        assertThat(live.topic()).isEqualTo(prefix + "rack3");
        assertThat(live.retained()).isFalse();
        await(subscription.unsubscribe());
    }

    @AllSerializers
    void theTemplateRetainsAnEventForARemoteSubscriber(String serializer) {
        String topic = "test.advanced.retained.by_template." + serializer;
        Long kept = await(template.publish(topic, List.of("kept"), null, ACKNOWLEDGED.withRetain(true)));
        TestWampClient subscriber = join(serializer);

        BlockingQueue<Event> events = subscriber.subscribe(topic, Map.of("get_retained", true));
        Event retained = poll(events, "the retained event");
        assertThat(retained.publication()).isEqualTo(kept);
        assertThat(retained.details()).containsEntry("retained", true);
        assertThat(firstArg(retained)).isEqualTo("kept");
    }

    // ---- publisher identification ----

    @AllSerializers
    void aRemoteSubscriberLearnsWhoTheTemplateIs(String serializer) {
        String topic = "test.advanced.disclosed.remote." + serializer;
        TestWampClient subscriber = join(serializer);
        BlockingQueue<Event> events = subscriber.subscribe(topic);

        await(template.publish(topic, List.of("disclosed"), null, ACKNOWLEDGED.withDiscloseMe(true)));
        await(template.publish(topic, List.of("anonymous"), null, ACKNOWLEDGED));

        Event disclosed = poll(events, "the disclosed event");
        assertThat(disclosed.details()).containsEntry("publisher", template.sessionId())
                .containsEntry("publisher_authid", "spring").containsEntry("publisher_authrole", "trusted");
        Event undisclosed = poll(events, "the undisclosed event");
        assertThat(firstArg(undisclosed)).isEqualTo("anonymous");
        assertThat(undisclosed.details()).doesNotContainKeys("publisher", "publisher_authid", "publisher_authrole");
    }

    @AllSerializers
    void aTemplateSubscriptionLearnsWhoARemotePublisherIs(String serializer) {
        String topic = "test.advanced.disclosed.template." + serializer;
        BlockingQueue<WampEventContext> received = new LinkedBlockingQueue<>();
        WampSubscription subscription = await(template.subscribe(topic, SubscribeOptions.DEFAULTS, received::add));
        TestWampClient publisher = connect(serializer);
        Welcome welcome = publisher.hello("realm1");

        publisher.publishAcknowledged(topic, Map.of("disclose_me", true), List.of("disclosed"), null);
        publisher.publishAcknowledged(topic, List.of("anonymous"), null);

        WampEventContext disclosed = poll(received, "the disclosed event");
        assertThat(disclosed.publisherSessionId()).isEqualTo(welcome.session());
        assertThat(disclosed.publisherAuthid()).isEqualTo(welcome.details().get("authid"));
        assertThat(disclosed.publisherAuthrole()).isEqualTo("anonymous");
        WampEventContext undisclosed = poll(received, "the undisclosed event");
        assertThat(undisclosed.publisherSessionId()).isNull();
        assertThat(undisclosed.publisherAuthid()).isNull();
        assertThat(undisclosed.publisherAuthrole()).isNull();
        await(subscription.unsubscribe());
    }

    // ---- subscriber black- and whitelisting ----

    /** Two remote subscribers and a subscription of the template itself, on one topic. */
    private final class Audience {

        final String topic;
        final Welcome aliceWelcome;
        final BlockingQueue<Event> toAlice;
        final BlockingQueue<Event> toBob;
        final Welcome bobWelcome;
        final BlockingQueue<WampEventContext> toTemplate = new LinkedBlockingQueue<>();
        final WampSubscription templateSubscription;

        Audience(String topic, String serializer) {
            this.topic = topic;
            TestWampClient alice = connect(serializer);
            this.aliceWelcome = alice.hello("realm1");
            this.toAlice = alice.subscribe(topic);
            TestWampClient bob = connect(serializer);
            this.bobWelcome = bob.hello("realm1");
            this.toBob = bob.subscribe(topic);
            this.templateSubscription = await(template.subscribe(topic, SubscribeOptions.DEFAULTS, toTemplate::add));
        }

        /** Publishes from the template (which may hear itself), then a marker for everyone. */
        void publish(String value, PublishOptions options) {
            await(template.publish(topic, List.of(value), null, options.withAcknowledge(true).withExcludeMe(false)));
            await(template.publish(topic, List.of("marker"), null, ACKNOWLEDGED.withExcludeMe(false)));
        }

        void assertReceived(String value, boolean alice, boolean bob, boolean template) {
            assertThat(firstArg(poll(toAlice, "alice's next event"))).isEqualTo(alice ? value : "marker");
            assertThat(firstArg(poll(toBob, "bob's next event"))).isEqualTo(bob ? value : "marker");
            assertThat(firstArg(poll(toTemplate, "the template's next event"))).isEqualTo(template ? value : "marker");
            if (alice) {
                assertThat(firstArg(poll(toAlice, "alice's marker"))).isEqualTo("marker");
            }
            if (bob) {
                assertThat(firstArg(poll(toBob, "bob's marker"))).isEqualTo("marker");
            }
            if (template) {
                assertThat(firstArg(poll(toTemplate, "the template's marker"))).isEqualTo("marker");
            }
        }
    }

    @AllSerializers
    void eligibleAndExcludeBySessionId(String serializer) {
        Audience audience = new Audience("test.advanced.listing.session." + serializer, serializer);
        long alice = audience.aliceWelcome.session();
        long bob = audience.bobWelcome.session();

        audience.publish("only alice", PublishOptions.DEFAULTS.withEligible(List.of(alice)));
        audience.assertReceived("only alice", true, false, false);

        audience.publish("all but alice", PublishOptions.DEFAULTS.withExclude(List.of(alice)));
        audience.assertReceived("all but alice", false, true, true);

        // exclusion wins over eligibility
        audience.publish("bob, not excluded", PublishOptions.DEFAULTS.withEligible(List.of(alice, bob))
                .withExclude(List.of(alice)));
        audience.assertReceived("bob, not excluded", false, true, false);

        audience.publish("nobody", PublishOptions.DEFAULTS.withEligible(List.of()));
        audience.assertReceived("nobody", false, false, false);
        await(audience.templateSubscription.unsubscribe());
    }

    @Test
    void eligibleAndExcludeByAuthidAndAuthrole() {
        Audience audience = new Audience("test.advanced.listing.identity", "msgpack");
        String aliceAuthid = (String) audience.aliceWelcome.details().get("authid");

        audience.publish("alice by authid", PublishOptions.DEFAULTS.withEligibleAuthid(List.of(aliceAuthid)));
        audience.assertReceived("alice by authid", true, false, false);

        audience.publish("all but alice by authid", PublishOptions.DEFAULTS.withExcludeAuthid(List.of(aliceAuthid)));
        audience.assertReceived("all but alice by authid", false, true, true);

        audience.publish("the application", PublishOptions.DEFAULTS.withEligibleAuthrole(List.of("trusted")));
        audience.assertReceived("the application", false, false, true);

        audience.publish("not the application", PublishOptions.DEFAULTS.withExcludeAuthrole(List.of("trusted")));
        audience.assertReceived("not the application", true, true, false);

        audience.publish("the application by authid", PublishOptions.DEFAULTS.withEligibleAuthid(List.of("spring")));
        audience.assertReceived("the application by authid", false, false, true);
        await(audience.templateSubscription.unsubscribe());
    }
}
