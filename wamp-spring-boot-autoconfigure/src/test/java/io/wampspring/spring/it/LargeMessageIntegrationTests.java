package io.wampspring.spring.it;

import java.util.List;
import java.util.Random;

import io.wampspring.router.message.Result;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Messages far beyond Tomcat's 8 KiB default WebSocket buffers arrive whole: the handler takes them in parts and
 * assembles them, and the answer of the same size goes back out.
 */
class LargeMessageIntegrationTests extends AbstractWampIntegrationTests {

    private static final int MIB = 1024 * 1024;

    @ParameterizedTest(name = "wamp.2.{0}, {1} MiB")
    @CsvSource({"json, 1", "json, 10", "msgpack, 1", "msgpack, 10", "cbor, 1", "cbor, 10"})
    void largeStringRoundTrips(String serializer, int mebibytes) {
        TestWampClient client = join(serializer);
        String text = randomText(mebibytes * MIB);
        Result result = client.callForResult("test.echo.text", List.of(text), null);
        assertThat(result.payload().args()).hasSize(1);
        String echoed = (String) result.payload().args().get(0);
        assertThat(echoed.length()).isEqualTo(text.length());
        assertThat(echoed).isEqualTo(text);
        assertThat(client.callForValue("test.add", 1, 2)).as("the session goes on").isEqualTo(3L);
    }

    @ParameterizedTest(name = "wamp.2.{0}, {1} MiB")
    @CsvSource({"json, 1", "json, 10", "msgpack, 1", "msgpack, 10", "cbor, 1", "cbor, 10"})
    void largeBinaryRoundTrips(String serializer, int mebibytes) {
        TestWampClient client = join(serializer);
        byte[] bytes = new byte[mebibytes * MIB];
        new Random(mebibytes).nextBytes(bytes);
        Result result = client.callForResult("test.echo.bytes", List.of(bytes), null);
        assertThat(result.payload().args()).hasSize(1);
        assertThat(result.payload().args().get(0)).isInstanceOf(byte[].class);
        assertThat((byte[]) result.payload().args().get(0)).isEqualTo(bytes);
        assertThat(client.callForValue("test.add", 1, 2)).as("the session goes on").isEqualTo(3L);
    }

    /** Random letters and a few multi-byte characters, so UTF-8 sequences also straddle part boundaries. */
    private static String randomText(int length) {
        Random random = new Random(length);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(i % 1000 == 999 ? 'é' : (char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }
}
