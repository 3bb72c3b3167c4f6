package io.wampspring.router.serialization;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import io.wampspring.router.message.WampMessage;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the three decoders with {@link HostileFrames}: whatever the bytes, a decoder returns a message or throws
 * {@link ProtocolViolationException} (which the connection turns into ABORT {@code wamp.error.protocol_violation}),
 * never anything else: no stack overflow from deep nesting, no huge allocation from a length claim, no parser
 * exception leaking through. What a decoder accepts the router can forward: every serializer writes the decoded
 * message or refuses it with {@link UnserializableValueException} (which the router turns into an error reply), and
 * the serializer that read it reads back what it wrote. Tries: see {@link FuzzRun}.
 */
class DecoderFuzzTest {

    private static final int TRIES = 12_000;

    @ParameterizedTest
    @ValueSource(strings = {"json", "msgpack", "cbor"})
    void decoderReturnsAMessageOrAProtocolViolationForAnyFrame(String format) {
        WampSerializer serializer = Serializers.byName(format);
        long tried = FuzzRun.run("decoder " + format, TRIES, (random, input) -> {
            byte[] frame = new HostileFrames(random).frame(format);
            input.append(FuzzRun.hex(frame));
            forwardable(decodeOrRefuse(() -> serializer.deserialize(frame)), serializer);
            if (!serializer.isBinary()) {
                // the text entry point, as a WebSocket text frame arrives (valid UTF-16 by then)
                String text = new String(frame, StandardCharsets.UTF_8);
                forwardable(decodeOrRefuse(() -> serializer.deserialize(text)), serializer);
            }
        });
        assertThat(tried).isPositive();
    }

    private static @Nullable WampMessage decodeOrRefuse(Supplier<WampMessage> decode) {
        try {
            WampMessage message = decode.get();
            assertThat(message).isNotNull();
            return message;
        }
        catch (ProtocolViolationException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return null;
        }
    }

    /**
     * Every serializer writes a decoded message or refuses a value outside its format in the documented way; the one
     * that read it reads back what it wrote. (Across formats a string may change kind: one starting with NUL is
     * binary in JSON.)
     */
    private static void forwardable(@Nullable WampMessage message, WampSerializer from) {
        if (message == null) {
            return;
        }
        for (WampSerializer serializer : Serializers.all()) {
            try {
                byte[] written = serializer.serialize(message);
                if (serializer == from) {
                    RawFrames.decode(serializer, written);
                }
            }
            catch (UnserializableValueException refused) {
                assertThat(refused.getMessage()).isNotBlank();
            }
        }
    }
}
