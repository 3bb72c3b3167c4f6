package io.wampspring.router.serialization;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import io.wampspring.router.message.Payload;
import io.wampspring.router.message.Result;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every serializer writes the same value model (see {@link PayloadValues}) and refuses the same values. */
class SerializerValueModelTest {

    private static final BigInteger TWO_TO_THE_63 = BigInteger.ONE.shiftLeft(63);
    private static final BigInteger UNSIGNED_64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    /** A model value and what any serializer's decoder reads back after the same serializer wrote it. */
    static List<Object[]> modelValues() {
        Map<Object, Object> nested = new LinkedHashMap<>();
        nested.put("int", 1);
        nested.put("set", new LinkedHashSet<>(List.of("a", "b")));
        return List.of(
                new Object[] {"null", null, null},
                new Object[] {"true", true, true},
                new Object[] {"false", false, false},
                new Object[] {"Long", 5L, 5L},
                new Object[] {"Long max", Long.MAX_VALUE, Long.MAX_VALUE},
                new Object[] {"Long min", Long.MIN_VALUE, Long.MIN_VALUE},
                new Object[] {"Integer", 5, 5L},
                new Object[] {"Short", (short) -5, -5L},
                new Object[] {"Byte", (byte) 7, 7L},
                new Object[] {"small BigInteger", BigInteger.valueOf(-9), -9L},
                new Object[] {"BigInteger 2^63", TWO_TO_THE_63, TWO_TO_THE_63},
                new Object[] {"BigInteger 2^64-1", UNSIGNED_64_MAX, UNSIGNED_64_MAX},
                new Object[] {"Double", 2.5, 2.5},
                new Object[] {"negative Double", -1.0e-300, -1.0e-300},
                new Object[] {"Float", 2.5f, 2.5},
                new Object[] {"BigDecimal fraction", new BigDecimal("0.1"), 0.1},
                new Object[] {"BigDecimal integral", new BigDecimal("5"), 5.0},
                new Object[] {"BigDecimal with more digits than a double",
                        new BigDecimal("3.14159265358979323846264338327950288"), Math.PI},
                new Object[] {"String", "text", "text"},
                new Object[] {"empty String", "", ""},
                new Object[] {"byte[]", new byte[] {0, 1, (byte) 0xFF}, new byte[] {0, 1, (byte) 0xFF}},
                new Object[] {"List", List.of(1, "a", 2.0f), List.of(1L, "a", 2.0)},
                new Object[] {"Set", new LinkedHashSet<>(List.of(3, 4)), List.of(3L, 4L)},
                new Object[] {"ArrayDeque", new ArrayDeque<>(List.of("x")), List.of("x")},
                new Object[] {"empty List", List.of(), List.of()},
                new Object[] {"Map", Map.of("k", (short) 1), Map.of("k", 1L)},
                new Object[] {"empty Map", Map.of(), Map.of()},
                new Object[] {"nested", List.of(nested), List.of(Map.of("int", 1L, "set", List.of("a", "b")))});
    }

    /** Values outside the model, with the Java type the failure must name. */
    static List<Object[]> nonModelValues() {
        Map<Object, Object> nullKey = new HashMap<>();
        nullKey.put(null, "value");
        return List.of(
                new Object[] {"AtomicLong", new AtomicLong(5), "java.util.concurrent.atomic.AtomicLong"},
                new Object[] {"LocalDate", LocalDate.of(2024, 1, 2), "java.time.LocalDate"},
                new Object[] {"Object", new Object(), "java.lang.Object"},
                new Object[] {"record", new Point(1, 2), Point.class.getName()},
                new Object[] {"enum", TimeUnit.SECONDS, "java.util.concurrent.TimeUnit"},
                new Object[] {"Character", 'c', "java.lang.Character"},
                new Object[] {"Optional", Optional.of(1L), "java.util.Optional"},
                new Object[] {"Object[]", new Object[] {"a"}, "[Ljava.lang.Object;"},
                new Object[] {"int[]", new int[] {1}, "[I"},
                new Object[] {"Integer map key", Map.of(1, "a"), "java.lang.Integer"},
                new Object[] {"null map key", nullKey, "null"},
                new Object[] {"nested in a list", List.of("ok", new AtomicLong()), "java.util.concurrent.atomic.AtomicLong"},
                new Object[] {"nested in a map", Map.of("k", Map.of("d", LocalDate.EPOCH)), "java.time.LocalDate"},
                new Object[] {"BigDecimal beyond a double", new BigDecimal("1e400"), "java.math.BigDecimal"});
    }

    static Stream<Arguments> modelValuesWithEverySerializer() {
        return Serializers.all().stream().flatMap(serializer -> modelValues().stream()
                .map(c -> Arguments.of(serializer, c[0], c[1], c[2])));
    }

    static Stream<Arguments> nonModelValuesWithEverySerializer() {
        return Serializers.all().stream().flatMap(serializer -> nonModelValues().stream()
                .map(c -> Arguments.of(serializer, c[0], c[1], c[2])));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("modelValuesWithEverySerializer")
    void everyModelValueReadsBackAsItsDecodedForm(WampSerializer serializer, String name, @Nullable Object value,
            @Nullable Object expected) {
        Map<String, Object> kwargs = new HashMap<>();
        kwargs.put("k", value);
        Result result = new Result(1L, Map.of(), Payload.of(Arrays.asList(value), kwargs));

        Result decoded = (Result) RawFrames.decode(serializer, serializer.serialize(result));

        Object fromArgs = decoded.payload().args().get(0);
        Object fromKwargs = decoded.payload().kwargs().get("k");
        assertThat(RawFrames.comparable(fromArgs)).isEqualTo(RawFrames.comparable(expected));
        assertThat(RawFrames.comparable(fromKwargs)).isEqualTo(RawFrames.comparable(expected));
        if (expected != null) {
            assertThat(fromArgs).isExactlyInstanceOf(decodedClass(expected));
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("nonModelValuesWithEverySerializer")
    void everyNonModelValueIsRefusedNamingItsType(WampSerializer serializer, String name, Object value,
            String typeName) {
        Result inArgs = new Result(1L, Map.of(), Payload.ofArgs(value));
        Result inKwargs = new Result(1L, Map.of(), Payload.of(List.of(), Map.of("k", value)));
        Result inDetails = new Result(1L, Map.of("d", value), Payload.EMPTY);

        for (Result result : List.of(inArgs, inKwargs, inDetails)) {
            assertThatThrownBy(() -> serializer.serialize(result))
                    .isExactlyInstanceOf(UnserializableValueException.class)
                    .hasMessageContaining(typeName);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.wampspring.router.serialization.SerializerRoundTripTest#serializers")
    void bigIntegersBeyondSixtyFourBitsFollowTheFormat(WampSerializer serializer) {
        BigInteger huge = BigInteger.ONE.shiftLeft(70);
        BigInteger hugeNegative = TWO_TO_THE_63.negate().subtract(BigInteger.ONE);
        for (BigInteger value : List.of(huge, hugeNegative)) {
            Result result = new Result(1L, Map.of(), Payload.ofArgs(value));
            if (serializer.name().equals("msgpack")) {
                // MessagePack integers end at 64 bits: refused like any other value the format cannot hold
                assertThatThrownBy(() -> serializer.serialize(result))
                        .isExactlyInstanceOf(UnserializableValueException.class)
                        .hasMessageContaining("java.math.BigInteger");
            }
            else {
                Result decoded = (Result) RawFrames.decode(serializer, serializer.serialize(result));
                assertThat(decoded.payload().args()).containsExactly(value);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void cborWritesTheTopOfTheUnsignedRangeAsAPlainIntegerNotABignum() {
        byte[] frame = Serializers.CBOR.serialize(new Result(1L, Map.of(), Payload.ofArgs(UNSIGNED_64_MAX)));
        // [50, 1, {}, [2^64-1]]: the argument is major type 0 with an 8-byte length (0x1B), not tag 2 (0xC2)
        byte[] expected = {(byte) 0x84, 0x18, 50, 0x01, (byte) 0xA0, (byte) 0x81, 0x1B,
                -1, -1, -1, -1, -1, -1, -1, -1};
        assertThat(frame).isEqualTo(expected);
    }

    /** The class a decoder produces for a value of the model. */
    private static Class<?> decodedClass(Object expected) {
        if (expected instanceof List<?>) {
            return java.util.ArrayList.class;
        }
        if (expected instanceof Map<?, ?>) {
            return LinkedHashMap.class;
        }
        return expected.getClass();
    }

    record Point(int x, int y) {
    }
}
