package io.wampspring.router.serialization;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.wampspring.router.message.Call;
import io.wampspring.router.message.Payload;
import io.wampspring.router.message.Publish;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Defects the decoder fuzz test ({@link DecoderFuzzTest}) found, each pinned by a deterministic test. */
class HostileInputRegressionTest {

    /**
     * JSON can escape a lone surrogate, the counterpart of invalid UTF-8 in the binary formats. It used to be accepted
     * and then broke the CBOR writer (a Jackson exception, not the documented one) when routed to a CBOR peer.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "[16, 1, {}, \"com.topic\", [\"\\ud800\"]]",
        "[16, 1, {}, \"com.topic\", [], {\"k\": \"a\\udfffb\"}]",
        "[16, 1, {}, \"com.topic\", [], {\"\\udbff\": 1}]",
        "[16, 1, {\"x\\ud800\": true}, \"com.topic\"]",
        "[48, 1, {}, \"com.\\ud800\"]",
        "[1, \"realm\\udc00\", {\"roles\": {\"caller\": {}}}]"})
    void aJsonStringWithALoneSurrogateIsAProtocolViolation(String frame) {
        assertThatThrownBy(() -> Serializers.JSON.deserialize(frame))
                .isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining("unpaired surrogate");
        assertThatThrownBy(() -> Serializers.JSON.deserialize(frame.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isInstanceOf(ProtocolViolationException.class);
    }

    @Test
    void surrogatePairsAreStillFine() {
        Publish publish = (Publish) Serializers.JSON.deserialize("[16, 1, {}, \"com.topic\", [\"\\ud83d\\ude00\"]]");
        assertThat(publish.payload().args()).containsExactly("\uD83D\uDE00");
    }

    static List<WampSerializer> serializers() {
        return Serializers.all();
    }

    /** A lone surrogate from the application has no UTF-8 form: every serializer refuses it the documented way. */
    @ParameterizedTest
    @MethodSource("serializers")
    void aLoneSurrogateIsRefusedAlikeByEverySerializer(WampSerializer serializer) {
        Call inArgs = new Call(1, Map.of(), "com.proc", Payload.of(List.of("\ud800"), null));
        Call inKey = new Call(1, Map.of(), "com.proc", Payload.of(List.of(), Map.of("\udfff", 1L)));
        assertThatThrownBy(() -> serializer.serialize(inArgs)).isInstanceOf(UnserializableValueException.class)
                .hasMessageContaining("unpaired surrogate");
        assertThatThrownBy(() -> serializer.serialize(inKey)).isInstanceOf(UnserializableValueException.class)
                .hasMessageContaining("unpaired surrogate");
    }

    /**
     * Jackson's CBOR parser grows its list of an item's tags 8 entries at a time: half a million nested tags (a 1 MB
     * frame) took minutes of CPU. They are refused before Jackson sees them.
     */
    @Test
    void aLongChainOfCborTagsIsRefusedQuickly() {
        byte[] frame = HostileFrames.deep("cbor", 500_000, HostileFrames.Nesting.TAGS, true);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThatThrownBy(
                () -> Serializers.CBOR.deserialize(frame))
                .isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining("CBOR tags on one item"));
    }

    @Test
    void aFewCborTagsStillDecode() {
        // self-describe (55799) on the message, a bignum (tag 2) in args, an epoch date (tag 1) in kwargs
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.writeBytes(new byte[] {(byte) 0xd9, (byte) 0xd9, (byte) 0xf7});
        frame.writeBytes(HostileWire.encode("cbor", List.of(48L, 7L, Map.of(), "com.proc",
                List.of(new java.math.BigInteger("123456789012345678901234567890")),
                Map.of("when", new HostileWire.Tagged(1, 1L)))));
        Call call = (Call) Serializers.CBOR.deserialize(frame.toByteArray());
        assertThat(call.request()).isEqualTo(7L);
        assertThat(call.payload().args()).containsExactly(new java.math.BigInteger("123456789012345678901234567890"));
        assertThat(call.payload().kwargs()).containsEntry("when", 1L);
    }

    @Test
    void eightTagsOnOneItemAreAcceptedAndNineAreNot() {
        ByteArrayOutputStream eight = new ByteArrayOutputStream();
        ByteArrayOutputStream nine = new ByteArrayOutputStream();
        byte[] call = HostileWire.encode("cbor", List.of(48L, 1L, Map.of(), "com.proc"));
        for (int i = 0; i < 8; i++) {
            eight.writeBytes(new byte[] {(byte) 0xd8, 0x20});
            nine.writeBytes(new byte[] {(byte) 0xd8, 0x20});
        }
        nine.writeBytes(new byte[] {(byte) 0xd8, 0x20});
        eight.writeBytes(call);
        nine.writeBytes(call);
        assertThat(Serializers.CBOR.deserialize(eight.toByteArray())).isInstanceOf(Call.class);
        assertThatThrownBy(() -> Serializers.CBOR.deserialize(nine.toByteArray()))
                .isInstanceOf(ProtocolViolationException.class);
    }

    /**
     * Jackson's CBOR parser decoded overlong UTF-8 ({@code C0 80} became a NUL that, sent on to a JSON peer, read as
     * binary with invalid base64), surrogates and code points beyond U+10FFFF; MessagePack refuses them, so does CBOR
     * now, in values, keys and the chunks of indefinite-length strings.
     */
    @ParameterizedTest
    @ValueSource(strings = {"c080", "e08080", "eda080", "f4908080", "f8888080", "ff", "80", "e282"})
    void invalidUtf8InACborTextStringIsAProtocolViolationWhereverItIs(String hex) {
        byte[] bad = java.util.HexFormat.of().parseHex(hex);
        HostileWire.RawString text = new HostileWire.RawString(bad);
        for (Object frame : List.of(
                List.of(16L, 1L, Map.of(), "com.topic", List.of(text)),
                List.of(16L, 1L, Map.of(), "com.topic", List.of(), new HostileWire.Entries(
                        List.of(HostileWire.entry(text, 1L)))),
                List.of(16L, 1L, Map.of(), "com.topic", List.of(new HostileWire.Indefinite("ab" + "cd")), Map.of()),
                List.of(48L, 1L, Map.of(), text))) {
            byte[] encoded = HostileWire.encode("cbor", frame);
            if (frame.toString().contains("Indefinite")) {
                // splice the bad bytes into the second chunk of the indefinite string
                encoded = indefiniteWithBadChunk(bad);
            }
            byte[] cbor = encoded;
            assertThatThrownBy(() -> Serializers.CBOR.deserialize(cbor)).as(hex + " in " + frame)
                    .isInstanceOf(ProtocolViolationException.class);
        }
    }

    private static byte[] indefiniteWithBadChunk(byte[] bad) {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.writeBytes(HexBytes.of("8510" + "01" + "a0" + "69636f6d2e746f706963" + "81" + "7f" + "626162"));
        frame.write(0x60 | bad.length);
        frame.writeBytes(bad);
        frame.write(0xff);
        return frame.toByteArray();
    }

    private static final class HexBytes {
        static byte[] of(String hex) {
            return java.util.HexFormat.of().parseHex(hex);
        }
    }

    @Test
    void validMultiByteUtf8InCborStillDecodes() {
        String text = "r\u00e9sum\u00e9 \u20ac \ud83d\ude00 \uffff";
        Call call = (Call) Serializers.CBOR.deserialize(HostileWire.encode("cbor",
                List.of(48L, 1L, Map.of(text, true), "com.proc", List.of(text))));
        assertThat(call.payload().args()).containsExactly(text);
        assertThat(call.options()).containsKey(text);
    }

    /**
     * A string starting with NUL is binary to every JSON peer. A MessagePack or CBOR client may send one; the JSON
     * serializer used to write it as it was, and the JSON peer could not read the message (invalid base64).
     */
    @Test
    void jsonRefusesToWriteAStringStartingWithNulAndTheBinaryFormatsCarryIt() {
        Call call = new Call(1, Map.of("\u0000key", true), "com.proc",
                Payload.of(List.of("\u0000\u00e9"), null));
        assertThatThrownBy(() -> Serializers.JSON.serialize(call)).isInstanceOf(UnserializableValueException.class)
                .hasMessageContaining("starting with NUL");
        for (WampSerializer binary : List.of(Serializers.MSGPACK, Serializers.CBOR)) {
            Call back = (Call) binary.deserialize(binary.serialize(call));
            assertThat(back.payload().args()).containsExactly("\u0000\u00e9");
        }
        // keys are never binary in JSON, and binary values still travel
        Call keyed = new Call(1, Map.of("\u0000key", true), "com.proc", Payload.of(List.of(new byte[] {1, 2}), null));
        Call read = (Call) Serializers.JSON.deserialize(new String(Serializers.JSON.serialize(keyed),
                java.nio.charset.StandardCharsets.UTF_8));
        assertThat(read.options()).containsKey("\u0000key");
        assertThat((byte[]) read.payload().args().get(0)).containsExactly(1, 2);
    }
}
