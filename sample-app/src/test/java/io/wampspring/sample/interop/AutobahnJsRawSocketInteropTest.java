package io.wampspring.sample.interop;

import static io.wampspring.sample.interop.Values.listOf;
import static io.wampspring.sample.interop.Values.mapOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.wampspring.spring.core.CallOptions;
import io.wampspring.spring.core.PublishOptions;
import io.wampspring.spring.core.WampResult;
import io.wampspring.spring.core.WampTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * autobahn-js's RawSocket transport (Node's net module, json) against the sample app's RawSocket port, meeting an
 * autobahn-js WebSocket session (msgpack), the annotated beans and WampTemplate: calls, registrations and events
 * cross between the two transports, and the meta API tells the RawSocket session's transport.
 */
@ActiveProfiles("interop")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"wamp.rawsocket.enabled=true", "wamp.rawsocket.port=0"})
@Import(InteropTestBeans.class)
class AutobahnJsRawSocketInteropTest {

    @LocalServerPort
    int port;

    @Value("${local.wamp.rawsocket.port}")
    int rawSocketPort;

    @Autowired
    WampTemplate wamp;

    @Test
    @SuppressWarnings("unchecked")
    void rawSocketClientMeetsWebSocketClientAnnotatedBeansAndWampTemplate() throws Exception {
        String token = UUID.randomUUID().toString();
        String topic = "interop.rawsocket.news";
        try (NodeWampClient raw = NodeWampClient.start("autobahn");
                NodeWampClient web = NodeWampClient.start("autobahn")) {
            long rawSession = raw.connect("rs://127.0.0.1:" + rawSocketPort, "realm1", "json");
            assertThat(raw.protocol()).isEqualTo("wamp.2.json");
            web.connect("ws://127.0.0.1:" + port + "/ws", "realm1", "msgpack");

            // an annotated @WampProcedure
            assertThat(raw.call("com.example.add2", listOf(20, 22), null))
                    .isEqualTo(WampReply.result(listOf(42), null));

            // callees on either transport, callers on the other, and WampTemplate
            web.registerEcho("interop.rawsocket.web_echo");
            raw.registerEcho("interop.rawsocket.raw_echo");
            assertThat(raw.call("interop.rawsocket.web_echo", listOf("from raw", 1), mapOf("token", token)))
                    .isEqualTo(WampReply.result(listOf("from raw", 1), mapOf("token", token)));
            assertThat(web.call("interop.rawsocket.raw_echo", listOf("from web", 2), mapOf("token", token)))
                    .isEqualTo(WampReply.result(listOf("from web", 2), mapOf("token", token)));
            WampResult fromTemplate = wamp.call("interop.rawsocket.raw_echo", List.of("from template"),
                    Map.of("token", token), CallOptions.DEFAULTS).get(15, TimeUnit.SECONDS);
            assertThat(fromTemplate.args()).containsExactly("from template");

            // events: WebSocket and WampTemplate publish to the RawSocket subscriber, and the reverse
            raw.subscribe(topic);
            web.subscribe(topic);
            web.publish(topic, listOf("web"), mapOf("token", token));
            wamp.publish(topic, List.of("template"), Map.of("token", token), PublishOptions.DEFAULTS)
                    .get(15, TimeUnit.SECONDS);
            assertThat(raw.events(topic, token, 2).stream().map(event -> event.args().get(0)))
                    .containsExactlyInAnyOrder("web", "template");
            raw.publish(topic, listOf("raw"), mapOf("token", token));
            assertThat(web.events(topic, token, 2).stream().map(event -> event.args().get(0)))
                    .contains("raw", "template");

            // the meta API sees the session's transport
            Map<String, Object> session = (Map<String, Object>) web.call("wamp.session.get", listOf(rawSession), null)
                    .first();
            assertThat((Map<String, Object>) session.get("transport")).containsEntry("type", "rawsocket")
                    .containsEntry("serializer", "json")
                    .hasEntrySatisfying("peer", peer -> assertThat((String) peer).startsWith("127.0.0.1:"));
        }
    }
}
