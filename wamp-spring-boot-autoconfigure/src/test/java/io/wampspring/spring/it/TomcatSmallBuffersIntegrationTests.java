package io.wampspring.spring.it;

import java.util.List;
import java.util.Map;
import java.util.Random;

import io.wampspring.router.message.Result;
import io.wampspring.spring.websocket.WampWebSocketHandler;
import jakarta.websocket.Session;
import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tomcat's buffers set as small as the settings allow ({@code wamp.servlet.message-buffer-size=128B},
 * {@code wamp.servlet.socket-buffer-size=512B}): messages thousands of times larger still arrive whole, both ways,
 * on every serializer, and messages just around the buffers' sizes too. The partial-message assembly is what makes
 * the small buffers safe.
 */
@TestPropertySource(properties = {"wamp.servlet.message-buffer-size=128B", "wamp.servlet.socket-buffer-size=512B"})
class TomcatSmallBuffersIntegrationTests extends AbstractWampIntegrationTests {

    @Autowired
    WebServerApplicationContext context;

    @Autowired
    WampWebSocketHandler handler;

    @Test
    void theConnectorAndEachWampSessionUseTheSmallBuffers() {
        Connector connector = ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector();
        assertThat(connector.getProperty("socket.appReadBufSize")).hasToString("512");
        assertThat(connector.getProperty("socket.appWriteBufSize")).hasToString("512");

        join("json");
        Session tomcatSession = await().until(this::anOpenTomcatSession, session -> session != null);
        assertThat(tomcatSession.getMaxTextMessageBufferSize()).isEqualTo(128);
        assertThat(tomcatSession.getMaxBinaryMessageBufferSize()).isEqualTo(128);
    }

    @ParameterizedTest(name = "wamp.2.{0}, {1} bytes")
    @CsvSource({"json, 100000", "json, 1048576", "msgpack, 100000", "msgpack, 1048576", "cbor, 1048576"})
    void largeTextAndBinaryRoundTrip(String serializer, int size) {
        TestWampClient client = join(serializer);
        String text = randomText(size);
        Result echoedText = client.callForResult("test.echo.text", List.of(text), null);
        assertThat(echoedText.payload().args()).containsExactly(text);

        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        Result echoedBytes = client.callForResult("test.echo.bytes", List.of(bytes), null);
        assertThat((byte[]) echoedBytes.payload().args().get(0)).isEqualTo(bytes);
    }

    @ParameterizedTest(name = "wamp.2.{0}")
    @CsvSource({"json", "msgpack"})
    void messagesAroundTheBufferSizesArriveWholeOneAfterAnother(String serializer) {
        TestWampClient client = join(serializer);
        for (int size : new int[] {1, 90, 100, 127, 128, 129, 255, 256, 257, 511, 512, 513, 1023, 1024, 1025, 4097}) {
            String text = randomText(size);
            assertThat(client.callForResult("test.echo.text", List.of(text), null).payload().args())
                    .as("%d characters", size).containsExactly(text);
        }
        assertThat(client.callForValue("test.add", 1, 2)).as("the session goes on").isEqualTo(3L);
    }

    /** Tomcat's session under one of the handler's open connections, if any. */
    private Session anOpenTomcatSession() {
        @SuppressWarnings("unchecked")
        Map<WebSocketSession, ?> inbounds = (Map<WebSocketSession, ?>) ReflectionTestUtils.getField(handler,
                "inbounds");
        return inbounds.keySet().stream().findFirst()
                .map(session -> ((NativeWebSocketSession) session).getNativeSession(Session.class))
                .orElse(null);
    }

    /** Random letters with a 2-byte and a 3-byte character now and then, so UTF-8 sequences straddle the parts. */
    private static String randomText(int length) {
        Random random = new Random(length);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(i % 97 == 96 ? 'é' : i % 89 == 88 ? '€' : (char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }
}
