package io.wampspring.spring.it;

import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;

import io.wampspring.router.message.Event;
import io.wampspring.spring.core.WampLocalSessions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The subscription meta API seen by remote clients over a real WebSocket: an annotated {@code @WampTopic} subscriber
 * is listed like any other, and one client's SUBSCRIBE is told to another through the meta events. The meta API is
 * closed to clients by default: the test grants anonymous clients the subscription meta API explicitly.
 */
@TestPropertySource(properties = {
        "wamp.realms[0].roles.anonymous.permissions[0].uri=",
        "wamp.realms[0].roles.anonymous.permissions[0].match=prefix",
        "wamp.realms[0].roles.anonymous.permissions[0].allow=all",
        "wamp.realms[0].roles.anonymous.permissions[1].uri=wamp.subscription.",
        "wamp.realms[0].roles.anonymous.permissions[1].match=prefix",
        "wamp.realms[0].roles.anonymous.permissions[1].allow=call,subscribe"})
class SubscriptionMetaApiIntegrationTests extends AbstractWampIntegrationTests {

    @Autowired
    WampLocalSessions localSessions;

    @AllSerializers
    void anAnnotatedSubscriberIsListedLikeAnyOther(String serializer) {
        TestWampClient inspector = join(serializer);
        long endpoints = localSessions.session("realm1", WampLocalSessions.Purpose.ENDPOINTS).sessionId();

        // PatternTopicEndpoints: @WampTopic(value = "test.pattern.sensor.", match = Match.PREFIX)
        Object subscription = inspector.callForValue("wamp.subscription.lookup", "test.pattern.sensor.",
                Map.of("match", "prefix"));
        assertThat(subscription).isInstanceOf(Long.class);
        assertThat(inspector.callForValue("wamp.subscription.lookup", "test.pattern.sensor.")).isNull();
        assertThat(inspector.callForValue("wamp.subscription.list_subscribers", subscription))
                .isEqualTo(List.of(endpoints));
        assertThat(inspector.callForValue("wamp.subscription.get", subscription)).isInstanceOfSatisfying(Map.class,
                details -> assertThat(details).containsEntry("id", subscription)
                        .containsEntry("uri", "test.pattern.sensor.").containsEntry("match", "prefix"));
        assertThat(inspector.callForValue("wamp.subscription.match", "test.pattern.sensor.7.temperature"))
                .isEqualTo(List.of(subscription));
    }

    @AllSerializers
    void aRemoteSubscribeIsToldToAnotherClient(String serializer) {
        TestWampClient watcher = join(serializer);
        BlockingQueue<Event> onCreate = watcher.subscribe("wamp.subscription.on_create");
        BlockingQueue<Event> onSubscribe = watcher.subscribe("wamp.subscription.on_subscribe");
        TestWampClient subscriber = connect(serializer);
        long session = subscriber.hello("realm1").session();
        String topic = "test.meta.watched_" + serializer;

        subscriber.subscribe(topic);

        Object subscription = watcher.callForValue("wamp.subscription.lookup", topic);
        assertThat(subscription).isInstanceOf(Long.class);
        Event created = TestWampClient.poll(onCreate, "wamp.subscription.on_create");
        assertThat(created.payload().args()).hasSize(2).first().isEqualTo(session);
        assertThat(created.payload().args().get(1)).isInstanceOfSatisfying(Map.class, details -> assertThat(details)
                .containsEntry("id", subscription).containsEntry("uri", topic).containsEntry("match", "exact"));
        Event subscribed = TestWampClient.poll(onSubscribe, "wamp.subscription.on_subscribe");
        assertThat(subscribed.payload().args()).containsExactly(session, subscription);
    }
}
