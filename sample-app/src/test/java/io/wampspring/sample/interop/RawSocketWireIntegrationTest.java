package io.wampspring.sample.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.wampspring.spring.core.PublishOptions;
import io.wampspring.spring.core.WampTemplate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The sample app's RawSocket port through a client written from the spec ({@link RawSocketWireClient}), each
 * serializer: the handshake reply, HELLO/WELCOME, a call to an annotated @WampProcedure, an event WampTemplate
 * published, and GOODBYE.
 */
@ActiveProfiles("interop")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"wamp.rawsocket.enabled=true", "wamp.rawsocket.port=0"})
@Import(InteropTestBeans.class)
class RawSocketWireIntegrationTest {

    @Value("${local.wamp.rawsocket.port}")
    int rawSocketPort;

    @Autowired
    WampTemplate wamp;

    @ParameterizedTest
    @ValueSource(strings = {"json", "msgpack", "cbor"})
    void joinsCallsAnAnnotatedProcedureAndReceivesAnEventFromWampTemplate(String serializer) throws Exception {
        String topic = "interop.rawsocket.wire." + serializer;
        try (RawSocketWireClient client = new RawSocketWireClient(rawSocketPort, serializer)) {
            int id = Map.of("json", 1, "msgpack", 2, "cbor", 3).get(serializer);
            assertThat(client.handshakeReply()).containsExactly(0x7F, 0xF0 | id, 0, 0);

            client.send(1, "realm1", Map.of("roles", Map.of("caller", Map.of(), "subscriber", Map.of())));
            List<Object> welcome = client.receive();
            assertThat(welcome.get(0)).isEqualTo(2);

            client.send(48, 7, Map.of(), "com.example.add2", List.of(2, 3));
            assertThat(client.receive()).containsExactly(50, 7, Map.of(), List.of(5));

            client.send(32, 8, Map.of(), topic);
            List<Object> subscribed = client.receive();
            assertThat(subscribed.subList(0, 2)).containsExactly(33, 8);

            wamp.publish(topic, List.of("hello " + serializer), Map.of("n", 1), PublishOptions.DEFAULTS)
                    .get(15, TimeUnit.SECONDS);
            List<Object> event = client.receive();
            assertThat(event.get(0)).isEqualTo(36);
            assertThat(event.get(1)).isEqualTo(subscribed.get(2));
            assertThat(event.subList(4, 6)).containsExactly(List.of("hello " + serializer), Map.of("n", 1));

            client.send(6, Map.of(), "wamp.close.close_realm");
            assertThat(client.receive()).containsExactly(6, Map.of(), "wamp.close.goodbye_and_out");
        }
    }
}
