package io.wampspring.router.serialization;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.wampspring.router.message.Call;
import io.wampspring.router.message.Unregister;
import io.wampspring.router.message.Unsubscribe;
import io.wampspring.router.message.WampMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SerializerDecodingErrorTest {

    private static final Map<String, Object> EMPTY = Map.of();

    static Stream<WampSerializer> serializers() {
        return Serializers.all().stream();
    }

    /** Structurally wrong messages, each with a word its error message must contain. */
    static Stream<Arguments> invalidStructures() {
        List<Object[]> cases = List.of(
                new Object[] {"a dict", Map.of("type", 48L), "must be a list"},
                new Object[] {"a string", "[48]", "must be a list"},
                new Object[] {"a number", 48L, "must be a list"},
                new Object[] {"null", null, "must be a list"},
                new Object[] {"empty list", List.of(), "must not be empty"},
                new Object[] {"string type code", List.of("48", 1L, EMPTY, "com.proc"), "type must be an integer"},
                new Object[] {"float type code", List.of(48.0, 1L, EMPTY, "com.proc"), "type must be an integer"},
                new Object[] {"unknown type code 7", List.of(7L, 1L, EMPTY), "unknown message type 7"},
                new Object[] {"unknown type code 99", List.of(99L, 1L), "unknown message type 99"},
                new Object[] {"negative type code", List.of(-1L, 1L), "unknown message type -1"},
                new Object[] {"huge type code", List.of(1L << 40, 1L), "unknown message type"},
                new Object[] {"string request id", List.of(48L, "1", EMPTY, "com.proc"), "integer id"},
                new Object[] {"float request id", List.of(48L, 1.5, EMPTY, "com.proc"), "integer id"},
                new Object[] {"float id above 2^53", List.of(34L, 1L, 0x1p53 + 2), "integer id"},
                new Object[] {"negative float id", List.of(34L, 1L, -2.0), "integer id"},
                new Object[] {"null request id", Arrays.asList(48L, null, EMPTY, "com.proc"), "integer id"},
                new Object[] {"id above 2^53", List.of(48L, (1L << 53) + 1, EMPTY, "com.proc"), "out of range"},
                new Object[] {"negative id", List.of(34L, 1L, -5L), "out of range"},
                new Object[] {"request id 0", List.of(48L, 0L, EMPTY, "com.proc"), "out of range [1, 2^53]"},
                new Object[] {"subscription id 0", List.of(34L, 1L, 0L), "out of range [1, 2^53]"},
                new Object[] {"float id 0", List.of(34L, 1L, 0.0), "out of range [1, 2^53]"},
                new Object[] {"UNSUBSCRIBED below 0", List.of(35L, -1L), "out of range [0, 2^53]"},
                new Object[] {"options a list", List.of(48L, 1L, List.of(), "com.proc"), "dictionary"},
                new Object[] {"options a string", List.of(64L, 1L, "{}", "com.proc"), "dictionary"},
                new Object[] {"options null", Arrays.asList(32L, 1L, null, "com.topic"), "dictionary"},
                new Object[] {"details a list", List.of(1L, "realm1", List.of()), "dictionary"},
                new Object[] {"args a dict", List.of(48L, 1L, EMPTY, "com.proc", Map.of("a", 1L)), "(args) must be a list"},
                new Object[] {"args a string", List.of(16L, 1L, EMPTY, "com.topic", "args"), "(args) must be a list"},
                new Object[] {"args null", Arrays.asList(50L, 1L, EMPTY, null), "(args) must be a list"},
                new Object[] {"kwargs a list", List.of(48L, 1L, EMPTY, "com.proc", List.of(), List.of()),
                        "(kwargs) must be a dictionary"},
                new Object[] {"kwargs a number", List.of(70L, 1L, EMPTY, List.of(1L), 5L), "(kwargs) must be a dictionary"},
                new Object[] {"uri a number", List.of(48L, 1L, EMPTY, 5L), "must be a string"},
                new Object[] {"realm a dict", List.of(1L, EMPTY, EMPTY), "must be a string"},
                new Object[] {"reason null", Arrays.asList(6L, EMPTY, null), "must be a string"},
                new Object[] {"too many CALL elements", List.of(48L, 1L, EMPTY, "com.proc", List.of(), EMPTY, "extra"),
                        "at most 6"},
                new Object[] {"too many GOODBYE elements", List.of(6L, EMPTY, "wamp.close.normal", "extra"), "at most 3"},
                new Object[] {"too many ABORT elements",
                        List.of(3L, EMPTY, "wamp.close.normal", List.of(), EMPTY, "extra"), "at most 5"},
                new Object[] {"ABORT args a dict", List.of(3L, EMPTY, "wamp.close.normal", EMPTY),
                        "(args) must be a list"},
                new Object[] {"too many REGISTERED elements", List.of(65L, 1L, 2L, 3L), "at most 3"},
                new Object[] {"too many SUBSCRIBE elements", List.of(32L, 1L, EMPTY, "com.topic", List.of()), "at most 4"},
                new Object[] {"too many ERROR elements",
                        List.of(8L, 68L, 1L, EMPTY, "com.error", List.of(), EMPTY, EMPTY), "at most 7"},
                new Object[] {"too few CALL elements", List.of(48L, 1L, EMPTY), "too short"},
                new Object[] {"too few HELLO elements", List.of(1L, "realm1"), "too short"},
                new Object[] {"too few ERROR elements", List.of(8L, 48L, 1L, EMPTY), "too short"},
                new Object[] {"too few UNSUBSCRIBED elements", List.of(35L), "too short"},
                new Object[] {"only a type code", List.of(70L), "too short"},
                new Object[] {"error request type unknown", List.of(8L, 99L, 1L, EMPTY, "com.error"), "message type code"},
                new Object[] {"error request type a string", List.of(8L, "48", 1L, EMPTY, "com.error"),
                        "message type code"});
        return serializers().flatMap(serializer -> cases.stream()
                .map(c -> Arguments.of(serializer, c[0], c[1], c[2])));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("invalidStructures")
    void invalidStructuresAreProtocolViolations(WampSerializer serializer, String name, Object value,
            String expected) {
        byte[] frame = RawFrames.encode(serializer, value);

        assertThatThrownBy(() -> RawFrames.decode(serializer, frame))
                .isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining(expected);
    }

    /**
     * JavaScript's MessagePack and CBOR encoders (msgpackr, cbor-x: wampy's) send integers beyond 2^32 as floats: a
     * float with an integral value up to 2^53 is that id.
     */
    @ParameterizedTest
    @MethodSource("serializers")
    void integralFloatIdsUpTo2To53AreIds(WampSerializer serializer) {
        long large = (1L << 53) - 12345;
        WampMessage unsubscribe = RawFrames.decode(serializer, RawFrames.encode(serializer,
                List.of(34L, 7.0, (double) large)));
        assertThat(unsubscribe).isEqualTo(new Unsubscribe(7L, large));
        assertThat(RawFrames.decode(serializer, RawFrames.encode(serializer, List.of(66L, 1L, 0x1p53))))
                .isEqualTo(new Unregister(1L, 1L << 53));
        assertThat(MessageCodec.idValue(4.5)).isNull();
        assertThat(MessageCodec.idValue("1")).isNull();
        assertThat(MessageCodec.idValue(5L)).isEqualTo(5L);
    }

    @ParameterizedTest
    @MethodSource("serializers")
    void bothBinaryAndTextEntryPointsReject(WampSerializer serializer) {
        byte[] frame = RawFrames.encode(serializer, List.of(48L, "1", EMPTY, "com.proc"));
        assertThatThrownBy(() -> serializer.deserialize(frame)).isInstanceOf(ProtocolViolationException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "   ",
            "[48, 1, {",
            "[48, 1, {}, \"com.proc\"",
            "not json at all",
            "[48, 1, {}, 'com.proc']",
            "[48, 1, {}, \"com.proc\",]",
            "[48, 1, {\"a\" 1}, \"com.proc\"]",
            "[48, 01x, {}, \"com.proc\"]",
            "[48, 1, {}, \"com.proc\"] trailing",
            "[48, 1, {}, \"com.proc\"][48, 2, {}, \"com.proc\"]",
            "[48, 1, {}, \"com.proc\"] 5",
            "[48, 1, {}, \"com.proc\"]}",
            "[48, 1, {}, \"unterminated]",
    })
    void malformedJsonIsAProtocolViolation(String text) {
        assertThatThrownBy(() -> Serializers.JSON.deserialize(text)).isInstanceOf(ProtocolViolationException.class);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Serializers.JSON.deserialize(bytes)).isInstanceOf(ProtocolViolationException.class);
    }

    @Test
    void invalidUtf8InAMsgpackStringIsAProtocolViolation() throws IOException {
        MessageBufferPacker packer = MessagePack.newDefaultBufferPacker();
        packer.packArrayHeader(4).packInt(48).packInt(1).packMapHeader(0);
        packer.packRawStringHeader(2).writePayload(new byte[] {(byte) 0xC3, (byte) 0x28});
        byte[] frame = packer.toByteArray();
        assertThatThrownBy(() -> Serializers.MSGPACK.deserialize(frame))
                .isInstanceOf(ProtocolViolationException.class);
    }

    @Test
    void invalidUtf8InACborStringIsAProtocolViolation() {
        // [48, 1, {}, <text string of 2 bytes that are not UTF-8>]
        byte[] frame = {(byte) 0x84, 0x18, 0x30, 0x01, (byte) 0xA0, 0x62, (byte) 0xC3, 0x28};
        assertThatThrownBy(() -> Serializers.CBOR.deserialize(frame))
                .isInstanceOf(ProtocolViolationException.class);
    }

    @Test
    void trailingWhitespaceAfterJsonIsFine() {
        assertThat(Serializers.JSON.deserialize("  [48, 1, {}, \"com.proc\"]  \n")).isInstanceOf(Call.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\u0000!!!!", "\\u0000a", "\\u0000a=b=", "\\u0000\u00e9\u00e9\u00e9\u00e9"})
    void invalidBase64AfterNulIsAProtocolViolation(String encoded) {
        String text = "[48, 1, {}, \"com.proc\", [\"" + encoded + "\"]]";
        assertThatThrownBy(() -> Serializers.JSON.deserialize(text))
                .isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining("base64");
    }

    @Test
    void invalidBase64InKwargsIsAProtocolViolation() {
        assertThatThrownBy(() -> Serializers.JSON.deserialize("[50, 1, {}, [], {\"b\": \"\\u0000%%%\"}]"))
                .isInstanceOf(ProtocolViolationException.class);
    }

    @ParameterizedTest
    @MethodSource("serializers")
    void trailingDataAfterTheMessageIsAProtocolViolation(WampSerializer serializer) {
        byte[] one = RawFrames.encode(serializer, List.of(48L, 1L, EMPTY, "com.proc"));
        byte[] two = RawFrames.encode(serializer, 5L);
        byte[] frame = Arrays.copyOf(one, one.length + two.length);
        System.arraycopy(two, 0, frame, one.length, two.length);

        assertThatThrownBy(() -> RawFrames.decode(serializer, frame))
                .isInstanceOf(ProtocolViolationException.class);
    }

    @ParameterizedTest
    @MethodSource("serializers")
    void truncatedFramesAreProtocolViolations(WampSerializer serializer) {
        byte[] whole = RawFrames.encode(serializer, List.of(48L, 1L, Map.of("timeout", 10L), "com.proc", List.of("x")));
        for (int length = 0; length < whole.length; length++) {
            byte[] truncated = Arrays.copyOf(whole, length);
            assertThatThrownBy(() -> RawFrames.decode(serializer, truncated))
                    .as("%s truncated to %d bytes", serializer.name(), length)
                    .isInstanceOf(ProtocolViolationException.class);
        }
    }

    @ParameterizedTest
    @MethodSource("serializers")
    void nestingOfTwoHundredLevelsIsAcceptedAndDeeperIsRefused(WampSerializer serializer) {
        // the message list itself is level 1, args level 2
        assertThat(RawFrames.decode(serializer, RawFrames.encode(serializer, callNestedTo(200)))).isInstanceOf(Call.class);
        assertThatThrownBy(() -> RawFrames.decode(serializer, RawFrames.encode(serializer, callNestedTo(201))))
                .isInstanceOf(ProtocolViolationException.class);
        assertThatThrownBy(() -> RawFrames.decode(serializer, RawFrames.encode(serializer, callNestedTo(250))))
                .isInstanceOf(ProtocolViolationException.class);
    }

    @ParameterizedTest
    @MethodSource("serializers")
    void deeplyNestedDictsAreRefusedToo(WampSerializer serializer) {
        Object nested = "leaf";
        for (int i = 0; i < 300; i++) {
            nested = Map.of("k", nested);
        }
        byte[] frame = RawFrames.encode(serializer, List.of(48L, 1L, Map.of("deep", nested), "com.proc"));
        assertThatThrownBy(() -> RawFrames.decode(serializer, frame)).isInstanceOf(ProtocolViolationException.class);
    }

    @Test
    void hostileJsonNestingDoesNotOverflowTheStack() {
        String text = "[48, 1, {}, \"com.proc\", " + "[".repeat(100_000) + "]".repeat(100_000) + "]";
        assertThatThrownBy(() -> Serializers.JSON.deserialize(text)).isInstanceOf(ProtocolViolationException.class);
    }

    @Test
    void hostileMsgpackNestingDoesNotOverflowTheStack() {
        byte[] frame = new byte[100_000];
        // fixarray of one element, over and over: [[[[...
        Arrays.fill(frame, (byte) 0x91);
        assertThatThrownBy(() -> Serializers.MSGPACK.deserialize(frame)).isInstanceOf(ProtocolViolationException.class);
    }

    @Test
    void hostileCborNestingDoesNotOverflowTheStack() {
        byte[] frame = new byte[100_000];
        // definite-length array of one element (0x81), over and over
        Arrays.fill(frame, (byte) 0x81);
        assertThatThrownBy(() -> Serializers.CBOR.deserialize(frame)).isInstanceOf(ProtocolViolationException.class);
    }

    @Test
    void msgpackBinaryLengthBeyondTheFrameIsRefusedWithoutAllocatingIt() {
        // [48, 1, {}, <bin32 claiming 2 GiB>] in 9 bytes
        byte[] frame = {(byte) 0x94, 48, 1, (byte) 0x80, (byte) 0xC6, 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xF0};
        long allocated = allocatedBy(() -> assertThatThrownBy(() -> Serializers.MSGPACK.deserialize(frame))
                .isInstanceOf(ProtocolViolationException.class));
        assertThat(allocated).as("bytes allocated to refuse a %d-byte frame", frame.length).isLessThan(MAX_ALLOCATION);
    }

    @Test
    void msgpackExtensionLengthBeyondTheFrameIsRefusedWithoutAllocatingIt() {
        // [48, 1, {"timeout": <ext32 type 0 claiming 2 GiB>}, ...]
        byte[] frame = {(byte) 0x94, 48, 1, (byte) 0x81, (byte) 0xA1, 't', (byte) 0xC9, 0x7F, (byte) 0xFF,
                (byte) 0xFF, (byte) 0xF0, 0};
        long allocated = allocatedBy(() -> assertThatThrownBy(() -> Serializers.MSGPACK.deserialize(frame))
                .isInstanceOf(ProtocolViolationException.class));
        assertThat(allocated).as("bytes allocated to refuse a %d-byte frame", frame.length).isLessThan(MAX_ALLOCATION);
    }

    @Test
    void msgpackStringLengthBeyondTheFrameIsRefusedWithoutAllocatingIt() {
        // [48, 1, {}, <str32 claiming 2 GiB>]
        byte[] frame = {(byte) 0x94, 48, 1, (byte) 0x80, (byte) 0xDB, 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xF0};
        long allocated = allocatedBy(() -> assertThatThrownBy(() -> Serializers.MSGPACK.deserialize(frame))
                .isInstanceOf(ProtocolViolationException.class));
        assertThat(allocated).as("bytes allocated to refuse a %d-byte frame", frame.length).isLessThan(MAX_ALLOCATION);
    }

    @Test
    void msgpackArrayHeaderBeyondTheFrameIsRefusedWithoutAllocatingIt() {
        // array32 claiming 2^31-1 elements, then nothing
        byte[] frame = {(byte) 0xDD, 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 48};
        long allocated = allocatedBy(() -> assertThatThrownBy(() -> Serializers.MSGPACK.deserialize(frame))
                .isInstanceOf(ProtocolViolationException.class));
        assertThat(allocated).as("bytes allocated to refuse a %d-byte frame", frame.length).isLessThan(MAX_ALLOCATION);
    }

    @Test
    void cborByteStringLengthBeyondTheFrameIsRefusedWithoutAllocatingIt() {
        byte[] frame = {(byte) 0x84, 0x18, 48, 0x01, (byte) 0xA0, 0x5A, 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xF0};
        long allocated = allocatedBy(() -> assertThatThrownBy(() -> Serializers.CBOR.deserialize(frame))
                .isInstanceOf(ProtocolViolationException.class));
        assertThat(allocated).as("bytes allocated to refuse a %d-byte frame", frame.length).isLessThan(MAX_ALLOCATION);
    }

    @Test
    void msgpackExtensionTypesOtherThanZeroAreRefused() throws IOException {
        byte[] frame;
        try (MessageBufferPacker packer = MessagePack.newDefaultBufferPacker()) {
            packer.packArrayHeader(4);
            packer.packInt(48);
            packer.packInt(1);
            packer.packMapHeader(1);
            packer.packString("timeout");
            packer.packExtensionTypeHeader((byte) 5, 2);
            packer.writePayload(new byte[] {1, 2});
            packer.packString("com.proc");
            frame = packer.toByteArray();
        }
        assertThatThrownBy(() -> Serializers.MSGPACK.deserialize(frame))
                .isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining("extension type 5");
    }

    @Test
    void msgpackUndefinedAsTheRequestIdIsStillAViolation() throws IOException {
        byte[] frame;
        try (MessageBufferPacker packer = MessagePack.newDefaultBufferPacker()) {
            packer.packArrayHeader(4);
            packer.packInt(48);
            packer.packExtensionTypeHeader((byte) 0, 1);
            packer.writePayload(new byte[] {0});
            packer.packMapHeader(0);
            packer.packString("com.proc");
            frame = packer.toByteArray();
        }
        assertThatThrownBy(() -> Serializers.MSGPACK.deserialize(frame)).isInstanceOf(ProtocolViolationException.class);
    }

    @ParameterizedTest
    @MethodSource("serializers")
    void unsignedSixtyFourBitIdIsOutOfRange(WampSerializer serializer) {
        byte[] frame = RawFrames.encode(serializer,
                List.of(34L, 1L, BigInteger.ONE.shiftLeft(63)));
        assertThatThrownBy(() -> RawFrames.decode(serializer, frame))
                .isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining("out of range");
    }

    /** A length claimed by a few bytes of input must not make the decoder reserve memory for it. */
    private static final long MAX_ALLOCATION = 64L * 1024 * 1024;

    private static long allocatedBy(Runnable action) {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        action.run();
        return threads.getCurrentThreadAllocatedBytes() - before;
    }

    private static List<Object> callNestedTo(int totalLevels) {
        // [48, 1, {}, "com.proc", args] where the message is level 1 and args level 2
        Object nested = List.of();
        for (int level = 2; level < totalLevels; level++) {
            nested = List.of(nested);
        }
        return List.of(48L, 1L, EMPTY, "com.proc", nested);
    }
}
