package io.wampspring.router.serialization;

import java.util.List;
import java.util.Map;

import io.wampspring.router.message.Abort;
import io.wampspring.router.message.Payload;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** ABORT may carry args and kwargs after its reason: {@code [3, Details, Reason, Args?, Kwargs?]}. */
class AbortPayloadTest {

    @ParameterizedTest
    @MethodSource("io.wampspring.router.serialization.SerializerRoundTripTest#serializers")
    void abortWithArgsAndWithArgsAndKwargsRoundTrips(WampSerializer serializer) {
        Abort withArgs = new Abort(Map.of("message", "no"), "wamp.error.not_authorized",
                Payload.of(List.of("denied", 3L), null));
        Abort withBoth = new Abort(Map.of(), "wamp.error.authentication_failed",
                Payload.of(List.of(), Map.of("retry_after", 30L, "hint", List.of("ticket"))));

        assertThat(RawFrames.decode(serializer, serializer.serialize(withArgs))).isEqualTo(withArgs);
        assertThat(RawFrames.decode(serializer, serializer.serialize(withBoth))).isEqualTo(withBoth);
    }

    @ParameterizedTest
    @MethodSource("io.wampspring.router.serialization.SerializerRoundTripTest#serializers")
    void abortKeepsTheShapeItWasGiven(WampSerializer serializer) {
        Abort withArgs = new Abort(Map.of(), "wamp.error.not_authorized", Payload.of(List.of("denied", 3L), null));
        Abort withBoth = new Abort(Map.of(), "wamp.error.not_authorized", Payload.of(null, Map.of("k", 1L)));
        Abort plain = new Abort(Map.of(), "wamp.close.system_shutdown");

        List<?> wire = onWire(serializer, withArgs);
        assertThat(wire).hasSize(4);
        assertThat((List<?>) wire.get(3)).hasSize(2).first().isEqualTo("denied");
        List<?> wireWithKwargs = onWire(serializer, withBoth);
        assertThat(wireWithKwargs).hasSize(5);
        assertThat(wireWithKwargs.get(3)).isEqualTo(List.of());
        assertThat(onWire(serializer, plain)).hasSize(3);
        assertThat(plain.payload()).isSameAs(Payload.EMPTY);
    }

    @ParameterizedTest
    @MethodSource("io.wampspring.router.serialization.SerializerRoundTripTest#serializers")
    void handEncodedAbortWithArgsAndKwargsDecodes(WampSerializer serializer) {
        List<Object> list = List.of(3L, Map.of("message", "bye"), "wamp.error.no_such_realm", List.of("realm9"),
                Map.of("known", List.of("realm1")));

        Abort abort = (Abort) RawFrames.decode(serializer, RawFrames.encode(serializer, list));

        assertThat(abort.details()).isEqualTo(Map.of("message", "bye"));
        assertThat(abort.reason()).isEqualTo("wamp.error.no_such_realm");
        assertThat(abort.payload().args()).containsExactly("realm9");
        assertThat(abort.payload().kwargs()).isEqualTo(Map.of("known", List.of("realm1")));
    }

    private static List<?> onWire(WampSerializer serializer, Abort abort) {
        // read with an independent reader, not through the codec
        return (List<?>) RawFrames.decodeRaw(serializer, serializer.serialize(abort));
    }
}
