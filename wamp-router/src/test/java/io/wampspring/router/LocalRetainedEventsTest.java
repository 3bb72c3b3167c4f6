package io.wampspring.router;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.wampspring.router.client.LocalSession;
import io.wampspring.router.message.Event;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Handlers of one local session on one topic share the router's subscription: the retained events a SUBSCRIBE with
 * get_retained brings go to the handler that asked, once, not to the others.
 */
class LocalRetainedEventsTest extends PubSubRouterTest {

    @Test
    void retainedEventsReachOnlyTheHandlerWhoseSubscribeAskedForThem() {
        TestPeer publisher = TestPeer.joined(router, REALM);
        long retained = publishAcknowledged(publisher, "com.dc.temperature", Map.of("retain", true), 21L);
        LocalSession session = localSession(identity("app", "service"));
        List<String> received = new CopyOnWriteArrayList<>();

        session.subscribe("com.dc.temperature", Map.of(), event -> received.add("plain " + describe(event))).join();
        session.subscribe("com.dc.temperature", Map.of("get_retained", true),
                event -> received.add("first " + describe(event))).join();
        session.subscribe("com.dc.temperature", Map.of("get_retained", true),
                event -> received.add("second " + describe(event))).join();
        long live = publishAcknowledged(publisher, "com.dc.temperature", 22L);

        assertThat(received).containsExactly("first retained " + retained, "second retained " + retained,
                "plain live " + live, "first live " + live, "second live " + live);
    }

    private static String describe(Event event) {
        return (Boolean.TRUE.equals(event.details().get("retained")) ? "retained " : "live ") + event.publication();
    }
}
