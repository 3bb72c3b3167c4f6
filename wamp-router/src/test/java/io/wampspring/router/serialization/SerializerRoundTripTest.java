package io.wampspring.router.serialization;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.wampspring.router.message.Abort;
import io.wampspring.router.message.Authenticate;
import io.wampspring.router.message.Call;
import io.wampspring.router.message.Cancel;
import io.wampspring.router.message.Challenge;
import io.wampspring.router.message.ErrorMessage;
import io.wampspring.router.message.Event;
import io.wampspring.router.message.Goodbye;
import io.wampspring.router.message.Hello;
import io.wampspring.router.message.Interrupt;
import io.wampspring.router.message.Invocation;
import io.wampspring.router.message.MessageType;
import io.wampspring.router.message.Payload;
import io.wampspring.router.message.Publish;
import io.wampspring.router.message.Published;
import io.wampspring.router.message.Register;
import io.wampspring.router.message.Registered;
import io.wampspring.router.message.Result;
import io.wampspring.router.message.Subscribe;
import io.wampspring.router.message.Subscribed;
import io.wampspring.router.message.Unregister;
import io.wampspring.router.message.Unregistered;
import io.wampspring.router.message.Unsubscribe;
import io.wampspring.router.message.Unsubscribed;
import io.wampspring.router.message.WampMessage;
import io.wampspring.router.message.Welcome;
import io.wampspring.router.message.Yield;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.dataformat.cbor.CBORFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SerializerRoundTripTest {

    private static final long MAX_ID = 1L << 53;

    static Stream<WampSerializer> serializers() {
        return Serializers.all().stream();
    }

    private static Map<String, Object> richDict() {
        Map<String, Object> dict = new LinkedHashMap<>();
        dict.put("flag", true);
        dict.put("off", false);
        dict.put("count", 42L);
        dict.put("negative", -7L);
        dict.put("ratio", 3.25);
        dict.put("text", "plain");
        dict.put("nested", Map.of("list", List.of(1L, "two", List.of(3L, Map.of("deep", "yes"))), "empty", Map.of()));
        dict.put("emptyList", List.of());
        return dict;
    }

    private static Payload richPayload() {
        return Payload.of(List.of(1L, "two", 3.5, false, List.of("a", List.of()), Map.of("k", 9L)),
                Map.of("name", "value", "list", List.of(1L, 2L), "map", Map.of("x", Map.of("y", -1L))));
    }

    /** One instance of each of the 24 message types, with every field set to something distinctive. */
    static List<WampMessage> oneOfEachType() {
        Map<String, Object> roles = Map.of("caller", Map.of("features", Map.of("call_canceling", true)),
                "subscriber", Map.of());
        return List.of(
                new Hello("com.example.realm", Map.of("roles", roles, "authmethods", List.of("ticket", "anonymous"),
                        "authid", "alice")),
                new Welcome(MAX_ID, Map.of("realm", "com.example.realm", "authid", "alice", "roles", roles)),
                new Abort(Map.of("message", "go away"), "wamp.error.no_such_realm"),
                new Challenge("wampcra", Map.of("challenge", "{\"nonce\":\"abc\"}", "iterations", 1000L)),
                new Authenticate("c2lnbmF0dXJl", Map.of("extra", List.of(1L, 2L))),
                new Goodbye(Map.of("message", "bye"), "wamp.close.close_realm"),
                new ErrorMessage(MessageType.CALL, 17L, richDict(), "com.example.error.oops", richPayload()),
                new Publish(18L, Map.of("acknowledge", true, "exclude", List.of(1L, 2L)), "com.example.topic",
                        richPayload()),
                new Published(19L, MAX_ID - 1),
                new Subscribe(20L, Map.of("match", "prefix"), "com.example"),
                new Subscribed(21L, 1234567890123L),
                new Unsubscribe(22L, 1234567890123L),
                new Unsubscribed(23L, Map.of()),
                new Event(24L, 25L, Map.of("publisher", 99L, "topic", "com.example.topic"), richPayload()),
                new Call(26L, Map.of("timeout", 1000L, "receive_progress", true), "com.example.add",
                        Payload.of(List.of(2L, 3L), null)),
                new Cancel(27L, Map.of("mode", "kill")),
                new Result(28L, Map.of("progress", true), richPayload()),
                new Register(29L, Map.of("match", "wildcard", "invoke", "roundrobin"), "com.example..add"),
                new Registered(30L, 31L),
                new Unregister(32L, 33L),
                new Unregistered(34L, Map.of()),
                new Invocation(35L, 36L, Map.of("caller", 77L, "procedure", "com.example.add"), richPayload()),
                new Interrupt(37L, Map.of("mode", "killnowait")),
                new Yield(38L, Map.of(), Payload.of(List.of(), Map.of("sum", 5L))));
    }

    static Stream<Arguments> everyTypeWithEverySerializer() {
        return serializers().flatMap(serializer -> oneOfEachType().stream()
                .map(message -> Arguments.of(serializer, message.type(), message)));
    }

    @Test
    void samplesCoverAllTwentyFourTypes() {
        Set<MessageType> covered = EnumSet.noneOf(MessageType.class);
        oneOfEachType().forEach(message -> covered.add(message.type()));
        assertThat(covered).containsExactlyInAnyOrder(MessageType.values()).hasSize(24);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyTypeWithEverySerializer")
    void everyMessageTypeRoundTrips(WampSerializer serializer, MessageType type, WampMessage message) {
        WampMessage decoded = roundTrip(serializer, message);

        assertThat(decoded.type()).isEqualTo(type);
        assertThat(decoded).isInstanceOf(message.getClass());
        // records compare their fields: maps and lists by value, ids as longs
        assertThat(decoded).isEqualTo(message);
        assertThat(MessageCodec.toList(decoded)).isEqualTo(MessageCodec.toList(message));
    }

    @ParameterizedTest
    @MethodSource("serializers")
    void revocationFormsOfUnsubscribedAndUnregisteredKeepTheirDetails(WampSerializer serializer) {
        Unsubscribed unsubscribed = new Unsubscribed(0L, Map.of("subscription", 5L, "reason", "wamp.close.killed"));
        Unregistered unregistered = new Unregistered(0L, Map.of("registration", 6L, "reason", "gone"));

        assertThat(roundTrip(serializer, unsubscribed)).isEqualTo(unsubscribed);
        assertThat(roundTrip(serializer, unregistered)).isEqualTo(unregistered);
        assertThat(MessageCodec.toList(unsubscribed)).hasSize(3);
        assertThat(MessageCodec.toList(new Unsubscribed(4L, Map.of()))).containsExactly(35, 4L);
    }

    static Stream<Arguments> payloadShapes() {
        List<Payload> shapes = List.of(
                Payload.EMPTY,
                Payload.of(List.of("only", 1L), null),
                Payload.of(List.of(), Map.of("key", "value")),
                Payload.of(List.of(1L, "two"), Map.of("three", 3L)),
                Payload.of(List.of(), null),
                Payload.of(List.of("x"), Map.of()));
        return serializers().flatMap(serializer -> shapes.stream().map(payload -> Arguments.of(serializer, payload)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("payloadShapes")
    void payloadShapeIsPreservedInEveryPayloadCarryingMessage(WampSerializer serializer, Payload payload) {
        List<WampMessage> messages = List.of(
                new ErrorMessage(MessageType.INVOCATION, 1L, Map.of(), "com.error", payload),
                new Publish(1L, Map.of(), "com.topic", payload),
                new Event(1L, 2L, Map.of(), payload),
                new Call(1L, Map.of(), "com.proc", payload),
                new Result(1L, Map.of(), payload),
                new Invocation(1L, 2L, Map.of(), payload),
                new Yield(1L, Map.of(), payload));
        for (WampMessage message : messages) {
            WampMessage decoded = roundTrip(serializer, message);
            Payload decodedPayload = payloadOf(decoded);
            assertThat(decodedPayload.args()).as("%s args", message.type()).isEqualTo(payload.args());
            assertThat(decodedPayload.kwargs()).as("%s kwargs", message.type()).isEqualTo(payload.kwargs());
            assertThat(MessageCodec.toList(decoded)).as("%s shape", message.type())
                    .hasSameSizeAs(MessageCodec.toList(message));
        }
    }

    @ParameterizedTest
    @MethodSource("serializers")
    void wireShapeHasNoAddedTrailingElements(WampSerializer serializer) {
        assertThat(listOnWire(serializer, new Call(1L, Map.of(), "com.proc", Payload.EMPTY))).hasSize(4);
        assertThat(listOnWire(serializer, new Call(1L, Map.of(), "com.proc", Payload.of(List.of(), null))))
                .hasSize(5);
        List<Object> withKwargs = listOnWire(serializer,
                new Call(1L, Map.of(), "com.proc", Payload.of(null, Map.of("k", 1L))));
        assertThat(withKwargs).hasSize(6);
        assertThat(withKwargs.get(4)).isEqualTo(List.of());
        assertThat(withKwargs.get(5)).isInstanceOfSatisfying(Map.class,
                kwargs -> assertThat(kwargs.keySet()).containsExactly("k"));
    }

    @Test
    void jsonWritesBinaryAsNulPrefixedBase64String() {
        byte[] bytes = {0, 1, 2, (byte) 0xFE, (byte) 0xFF};
        Call call = new Call(1L, Map.of(), "com.proc", Payload.of(List.of(bytes), Map.of("blob", bytes)));

        String text = new String(Serializers.JSON.serialize(call), StandardCharsets.UTF_8);

        assertThat(text).isEqualTo("[48,1,{},\"com.proc\",[\"\\u0000AAEC/v8=\"],{\"blob\":\"\\u0000AAEC/v8=\"}]");
        Call decoded = (Call) Serializers.JSON.deserialize(text);
        assertThat(decoded.payload().args()).hasSize(1);
        assertThat(decoded.payload().args().get(0)).isInstanceOf(byte[].class).isEqualTo(bytes);
        assertThat(decoded.payload().kwargs().get("blob")).isInstanceOf(byte[].class).isEqualTo(bytes);
    }

    @Test
    void jsonReadsBinaryFromHandWrittenText() {
        Call decoded = (Call) Serializers.JSON.deserialize(
                "[48, 7, {}, \"com.proc\", [\"\\u0000aGVsbG8=\", \"\\u0000\", \"plain\"]]");
        assertThat(decoded.payload().args().get(0)).isEqualTo("hello".getBytes(StandardCharsets.UTF_8));
        assertThat(decoded.payload().args().get(1)).isEqualTo(new byte[0]);
        assertThat(decoded.payload().args().get(2)).isEqualTo("plain");
    }

    @Test
    void jsonBinaryFromBytesAndFromTextDecodeAlike() {
        byte[] bytes = {9, 8, 7};
        Call call = new Call(1L, Map.of(), "com.proc", Payload.ofArgs(bytes));
        byte[] frame = Serializers.JSON.serialize(call);
        Call fromBytes = (Call) Serializers.JSON.deserialize(frame);
        Call fromText = (Call) Serializers.JSON.deserialize(new String(frame, StandardCharsets.UTF_8));
        assertThat(fromBytes.payload().args().get(0)).isEqualTo(bytes);
        assertThat(fromText.payload().args().get(0)).isEqualTo(bytes);
    }

    @ParameterizedTest
    @MethodSource("serializers")
    void binaryRoundTripsInArgsKwargsAndNestedValues(WampSerializer serializer) {
        byte[] small = {1, 2, 3};
        byte[] empty = {};
        byte[] large = new byte[70_000];
        for (int i = 0; i < large.length; i++) {
            large[i] = (byte) (i * 31);
        }
        Event event = new Event(1L, 2L, Map.of(), Payload.of(List.of(small, empty, List.of(large)),
                Map.of("nested", Map.of("blob", small))));

        WampMessage decoded = roundTrip(serializer, event);

        assertThat(RawFrames.comparable(MessageCodec.toList(decoded)))
                .isEqualTo(RawFrames.comparable(MessageCodec.toList(event)));
        Event decodedEvent = (Event) decoded;
        assertThat(decodedEvent.payload().args().get(0)).isInstanceOf(byte[].class);
        @SuppressWarnings("unchecked")
        List<Object> inner = (List<Object>) decodedEvent.payload().args().get(2);
        assertThat((byte[]) inner.get(0)).isEqualTo(large);
    }

    @Test
    void msgpackCarriesBinaryNatively() throws Exception {
        byte[] bytes = {1, 2, 3};
        byte[] frame = Serializers.MSGPACK.serialize(new Call(1L, Map.of(), "com.proc", Payload.ofArgs(bytes)));

        try (MessageUnpacker unpacker = MessagePack.newDefaultUnpacker(frame)) {
            assertThat(unpacker.unpackArrayHeader()).isEqualTo(5);
            assertThat(unpacker.unpackInt()).isEqualTo(48);
            assertThat(unpacker.unpackLong()).isEqualTo(1L);
            assertThat(unpacker.unpackMapHeader()).isZero();
            assertThat(unpacker.unpackString()).isEqualTo("com.proc");
            assertThat(unpacker.unpackArrayHeader()).isEqualTo(1);
            assertThat(unpacker.getNextFormat().getValueType()).isEqualTo(org.msgpack.value.ValueType.BINARY);
            assertThat(unpacker.readPayload(unpacker.unpackBinaryHeader())).isEqualTo(bytes);
            assertThat(unpacker.hasNext()).isFalse();
        }
    }

    @Test
    void cborCarriesBinaryNatively() {
        byte[] bytes = {1, 2, 3};
        byte[] frame = Serializers.CBOR.serialize(new Call(1L, Map.of(), "com.proc", Payload.ofArgs(bytes)));

        List<JsonToken> tokens = new ArrayList<>();
        byte[] found = null;
        try (JsonParser parser = CBORFactory.builder().build().createParser(ObjectReadContext.empty(), frame)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                tokens.add(token);
                if (token == JsonToken.VALUE_EMBEDDED_OBJECT) {
                    found = parser.getBinaryValue();
                }
            }
        }
        assertThat(tokens).contains(JsonToken.VALUE_EMBEDDED_OBJECT);
        assertThat(found).isEqualTo(bytes);
        // CBOR major type 2 (byte string) of length 3 is the byte 0x43
        assertThat(indexOf(frame, new byte[] {0x43, 1, 2, 3})).isNotNegative();
    }

    @ParameterizedTest
    @MethodSource("serializers")
    void integersUpToTwoToTheFiftyThreeAreExact(WampSerializer serializer) {
        List<Object> numbers = List.of(MAX_ID, MAX_ID - 1, -MAX_ID, 0L, -1L, 255L, 65_536L, 4_294_967_296L,
                Long.MAX_VALUE, Long.MIN_VALUE);
        Call call = new Call(MAX_ID, Map.of("timeout", MAX_ID), "com.proc", Payload.of(numbers, Map.of("id", MAX_ID)));

        Call decoded = (Call) roundTrip(serializer, call);

        assertThat(decoded.request()).isEqualTo(MAX_ID);
        assertThat(decoded.options().get("timeout")).isEqualTo(MAX_ID);
        assertThat(decoded.payload().args()).containsExactlyElementsOf(numbers);
        assertThat(decoded.payload().kwargs()).containsEntry("id", MAX_ID);
        assertThat(decoded.payload().args()).allSatisfy(value -> assertThat(value).isInstanceOf(Long.class));
    }

    @ParameterizedTest
    @MethodSource("serializers")
    void idsAboveTwoToTheFiftyThreeAreRejected(WampSerializer serializer) {
        byte[] tooLargeRequest = serializer.serialize(new Call(MAX_ID + 1, Map.of(), "com.proc", Payload.EMPTY));
        byte[] tooLargeSession = serializer.serialize(new Welcome(MAX_ID + 1, Map.of()));
        byte[] tooLargePublication = serializer.serialize(new Published(1L, Long.MAX_VALUE));
        byte[] negative = serializer.serialize(new Registered(1L, -1L));

        for (byte[] frame : List.of(tooLargeRequest, tooLargeSession, tooLargePublication, negative)) {
            assertThatThrownBy(() -> RawFrames.decode(serializer, frame))
                    .isInstanceOf(ProtocolViolationException.class)
                    .hasMessageContaining("out of range");
        }
        BigInteger unsigned64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
        byte[] huge = RawFrames.encode(serializer, List.of(48L, unsigned64, Map.of(), "com.proc"));
        assertThatThrownBy(() -> RawFrames.decode(serializer, huge)).isInstanceOf(ProtocolViolationException.class);
    }

    @ParameterizedTest
    @MethodSource("serializers")
    void bigIntegerArgumentsBeyondLongSurviveAsBigInteger(WampSerializer serializer) {
        // beyond a signed long, within MessagePack's unsigned 64-bit range
        BigInteger big = BigInteger.ONE.shiftLeft(63).add(BigInteger.TEN);
        Call decoded = (Call) roundTrip(serializer, new Call(1L, Map.of(), "com.proc", Payload.ofArgs(big)));
        assertThat(decoded.payload().args().get(0)).isEqualTo(big);
    }

    @ParameterizedTest
    @MethodSource("serializers")
    void unicodeStringsRoundTrip(WampSerializer serializer) {
        String emoji = "party \uD83C\uDF89 face \uD83D\uDE00";
        String cjk = "\u6F22\u5B57\u304B\u306A\uD55C\uAE00";
        String mixed = "caf\u00E9 \u00FC\u00DF \u0416 \u05D0 \u0000inside? no: \u0001ctrl";
        Publish publish = new Publish(1L, Map.of("\u30AD\u30FC", cjk), "com.example.\u6F22\u5B57",
                Payload.of(List.of(emoji, cjk), Map.of(emoji, mixed, "\uD83D\uDE80", List.of(cjk))));

        WampMessage decoded = roundTrip(serializer, publish);

        assertThat(decoded).isEqualTo(publish);
        Publish decodedPublish = (Publish) decoded;
        assertThat(decodedPublish.topic()).isEqualTo("com.example.\u6F22\u5B57");
        assertThat(decodedPublish.payload().args()).containsExactly(emoji, cjk);
        assertThat(decodedPublish.payload().kwargs()).containsEntry(emoji, mixed);
    }

    @Test
    void jsonTextCarriesUnicodeAsUtf8() {
        String text = new String(Serializers.JSON.serialize(
                new Call(1L, Map.of(), "com.proc", Payload.ofArgs("\uD83D\uDE00\u6F22"))), StandardCharsets.UTF_8);
        assertThat(text).contains("\uD83D\uDE00\u6F22");
    }

    @ParameterizedTest
    @MethodSource("serializers")
    void deeplyNestedMapsAndListsRoundTrip(WampSerializer serializer) {
        Object nested = "leaf";
        for (int i = 0; i < 50; i++) {
            nested = i % 2 == 0 ? List.of(nested, (long) i) : Map.of("level" + i, nested, "other", List.of());
        }
        Result result = new Result(1L, Map.of("deep", nested), Payload.of(List.of(nested), Map.of("deep", nested)));

        assertThat(roundTrip(serializer, result)).isEqualTo(result);
    }

    @ParameterizedTest
    @MethodSource("serializers")
    void nullValuesInOptionsAndDetailsAreDroppedButKeptInPayloads(WampSerializer serializer) {
        Map<String, Object> options = new HashMap<>();
        options.put("timeout", null);
        options.put("receive_progress", true);
        List<Object> args = Arrays.asList("a", null, "b");
        Map<String, Object> kwargs = new HashMap<>();
        kwargs.put("nothing", null);
        Call call = new Call(1L, options, "com.proc", Payload.of(args, kwargs));

        Call decoded = (Call) roundTrip(serializer, call);

        assertThat(decoded.options()).isEqualTo(Map.of("receive_progress", true)).doesNotContainKey("timeout");
        assertThat(decoded.payload().args()).containsExactly("a", null, "b");
        assertThat(decoded.payload().kwargs()).containsEntry("nothing", null);

        Map<String, Object> details = new HashMap<>();
        details.put("authid", null);
        Map<String, Object> roles = Map.of("caller", Map.of());
        details.put("roles", roles);
        Hello hello = (Hello) roundTrip(serializer, new Hello("realm1", details));
        assertThat(hello.details()).isEqualTo(Map.of("roles", roles));

        Map<String, Object> eventDetails = new HashMap<>();
        eventDetails.put("publisher", null);
        Event event = (Event) roundTrip(serializer, new Event(1L, 2L, eventDetails, Payload.EMPTY));
        assertThat(event.details()).isEmpty();
    }

    @Test
    void jsonNullOptionsFromTextAreAbsent() {
        Call call = (Call) Serializers.JSON.deserialize(
                "[48, 1, {\"timeout\": null, \"disclose_me\": true}, \"com.proc\"]");
        assertThat(call.options()).isEqualTo(Map.of("disclose_me", true));
    }

    @Test
    void msgpackExtensionTypeZeroInOptionsIsAbsent() throws Exception {
        byte[] frame;
        try (MessageBufferPacker packer = MessagePack.newDefaultBufferPacker()) {
            packer.packArrayHeader(5);
            packer.packInt(48);
            packer.packLong(9L);
            packer.packMapHeader(2);
            packer.packString("timeout");
            packer.packExtensionTypeHeader((byte) 0, 1);
            packer.writePayload(new byte[] {0});
            packer.packString("receive_progress");
            packer.packBoolean(true);
            packer.packString("com.proc");
            packer.packArrayHeader(1);
            packer.packString("arg");
            frame = packer.toByteArray();
        }

        Call call = (Call) Serializers.MSGPACK.deserialize(frame);

        assertThat(call.request()).isEqualTo(9L);
        assertThat(call.options()).isEqualTo(Map.of("receive_progress", true)).doesNotContainKey("timeout");
        assertThat(call.procedure()).isEqualTo("com.proc");
        assertThat(call.payload().args()).containsExactly("arg");
    }

    @Test
    void msgpackExtensionTypeZeroInHelloDetailsIsAbsent() throws Exception {
        byte[] frame;
        try (MessageBufferPacker packer = MessagePack.newDefaultBufferPacker()) {
            packer.packArrayHeader(3);
            packer.packInt(1);
            packer.packString("realm1");
            packer.packMapHeader(2);
            packer.packString("authid");
            packer.packExtensionTypeHeader((byte) 0, 1);
            packer.writePayload(new byte[] {0});
            packer.packString("roles");
            packer.packMapHeader(0);
            frame = packer.toByteArray();
        }

        Hello hello = (Hello) Serializers.MSGPACK.deserialize(frame);

        assertThat(hello.details()).containsOnlyKeys("roles");
    }

    @Test
    void cborUndefinedInOptionsIsAbsent() {
        // [48, 1, {"timeout": undefined}, "com.x"] with CBOR's simple value 23 (undefined)
        byte[] frame = {(byte) 0x84, 0x18, 48, 0x01, (byte) 0xA1, 0x67, 't', 'i', 'm', 'e', 'o', 'u', 't',
                (byte) 0xF7, 0x65, 'c', 'o', 'm', '.', 'x'};

        Call call = (Call) Serializers.CBOR.deserialize(frame);

        assertThat(call.options()).isEmpty();
        assertThat(call.procedure()).isEqualTo("com.x");
    }

    @ParameterizedTest
    @MethodSource("serializers")
    void handEncodedFramesDecodeLikeSerializedOnes(WampSerializer serializer) {
        List<Object> list = List.of(16L, 5L, Map.of("acknowledge", true), "com.topic", List.of(1L, "x"),
                Map.of("k", List.of(true, false)));
        Publish publish = (Publish) RawFrames.decode(serializer, RawFrames.encode(serializer, list));
        assertThat(publish).isEqualTo(new Publish(5L, Map.of("acknowledge", true), "com.topic",
                Payload.of(List.of(1L, "x"), Map.of("k", List.of(true, false)))));
    }

    @Test
    void serializersAreFoundByNameAndKnowTheirSubprotocol() {
        assertThat(Serializers.byName("JSON")).isSameAs(Serializers.JSON);
        assertThat(Serializers.byName("msgpack")).isSameAs(Serializers.MSGPACK);
        assertThat(Serializers.byName("cbor")).isSameAs(Serializers.CBOR);
        assertThat(Serializers.byName("ubjson")).isNull();
        assertThat(Serializers.JSON.subprotocol()).isEqualTo("wamp.2.json");
        assertThat(Serializers.MSGPACK.subprotocol()).isEqualTo("wamp.2.msgpack");
        assertThat(Serializers.CBOR.subprotocol()).isEqualTo("wamp.2.cbor");
        assertThat(Serializers.JSON.isBinary()).isFalse();
        assertThat(Serializers.MSGPACK.isBinary()).isTrue();
        assertThat(Serializers.CBOR.isBinary()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("serializers")
    void unsupportedPayloadValuesAreRefusedWhenSerializing(WampSerializer serializer) {
        Call call = new Call(1L, Map.of(), "com.proc", Payload.ofArgs(new Object()));
        assertThatThrownBy(() -> serializer.serialize(call)).isInstanceOf(UnserializableValueException.class);
    }

    private static WampMessage roundTrip(WampSerializer serializer, WampMessage message) {
        return RawFrames.decode(serializer, serializer.serialize(message));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> listOnWire(WampSerializer serializer, WampMessage message) {
        // read the frame with an independent reader, not through the codec
        return (List<Object>) RawFrames.decodeRaw(serializer, serializer.serialize(message));
    }

    private static Payload payloadOf(WampMessage message) {
        return switch (message.type()) {
            case ERROR -> ((ErrorMessage) message).payload();
            case PUBLISH -> ((Publish) message).payload();
            case EVENT -> ((Event) message).payload();
            case CALL -> ((Call) message).payload();
            case RESULT -> ((Result) message).payload();
            case INVOCATION -> ((Invocation) message).payload();
            case YIELD -> ((Yield) message).payload();
            default -> throw new IllegalArgumentException(message.type().name());
        };
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @org.junit.jupiter.api.Test
    void longCborStringsHaveOneDefiniteLength() {
        String text = "a".repeat(1 << 20);
        byte[] frame = Serializers.CBOR.serialize(new Result(1, Map.of(), Payload.ofArgs(text)));
        // a text string of 2^20 bytes: major type 3 with a 4-byte length (0x7A), never indefinite (0x7F)
        byte[] header = {0x7A, 0x00, 0x10, 0x00, 0x00};
        assertThat(indexOf(frame, header)).isPositive();
        assertThat(indexOf(frame, new byte[] {0x7F})).isEqualTo(-1);
        assertThat(((Result) Serializers.CBOR.deserialize(frame)).payload().args()).containsExactly(text);
    }
}
