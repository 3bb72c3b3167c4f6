package io.wampspring.spring.binding;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.wampspring.router.message.Payload;
import io.wampspring.router.message.Result;
import io.wampspring.router.serialization.Serializers;
import io.wampspring.router.serialization.WampSerializer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** {@link WampPayloadConverter#toPayload} yields only values every serializer writes. */
class WampPayloadConverterTest {

    private final WampPayloadConverter converter = new WampPayloadConverter(JsonMapper.builder().build());

    record Price(String item, BigDecimal amount) {
    }

    enum Colour { RED, GREEN }

    @Test
    void modelValuesPassAsTheyAre() {
        byte[] bytes = {1, 2};
        BigInteger big = BigInteger.ONE.shiftLeft(63);
        assertThat(plain("text")).isSameAs("text");
        assertThat(plain(7L)).isEqualTo(7L);
        assertThat(plain(true)).isEqualTo(true);
        assertThat(plain(1.5)).isEqualTo(1.5);
        assertThat(plain(bytes)).isSameAs(bytes);
        assertThat(plain(big)).isSameAs(big);
        assertThat(plain(null)).isNull();
    }

    @Test
    void smallIntegersWidenToLongAndFloatToDouble() {
        assertThat(plain(5)).isEqualTo(5L);
        assertThat(plain((short) -3)).isEqualTo(-3L);
        assertThat(plain((byte) 9)).isEqualTo(9L);
        assertThat(plain(2.5f)).isEqualTo(2.5);
    }

    @Test
    void atomicsBecomeTheirNumber() {
        assertThat(plain(new AtomicLong(5))).isEqualTo(5L);
        assertThat(plain(new AtomicInteger(-2))).isEqualTo(-2L);
        assertThat(plain(List.of(new AtomicLong(1)))).isEqualTo(List.of(1L));
    }

    @Test
    void bigDecimalsBecomeDoubles() {
        assertThat(plain(new BigDecimal("0.25"))).isEqualTo(0.25);
        assertThat(plain(new Price("tea", new BigDecimal("9.99"))))
                .isEqualTo(Map.of("item", "tea", "amount", 9.99));
    }

    @Test
    void mapsWithOtherKeysGetStringKeys() {
        Map<Integer, String> byNumber = new LinkedHashMap<>();
        byNumber.put(1, "one");
        byNumber.put(2, "two");
        Map<Colour, Integer> byEnum = Map.of(Colour.RED, 3);

        assertThat(plain(byNumber)).isEqualTo(Map.of("1", "one", "2", "two"));
        assertThat(plain(byEnum)).isEqualTo(Map.of("RED", 3L));
    }

    @Test
    void mapsWithStringKeysKeepTheirKeysAndConvertTheirValues() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("n", 1);
        map.put("when", LocalDate.of(2024, 1, 2));
        map.put("nothing", null);

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("n", 1L);
        expected.put("when", "2024-01-02");
        expected.put("nothing", null);
        assertThat(plain(map)).isEqualTo(expected);
    }

    @Test
    void enumsDatesAndCharactersBecomeStrings() {
        assertThat(plain(Colour.GREEN)).isEqualTo("GREEN");
        assertThat(plain(TimeUnit.SECONDS)).isEqualTo("SECONDS");
        assertThat(plain(LocalDate.of(2024, 1, 2))).isEqualTo("2024-01-02");
        assertThat(plain('c')).isEqualTo("c");
    }

    @Test
    void arraysAndCollectionsBecomeLists() {
        assertThat(plain(new int[] {1, 2, 3})).isEqualTo(List.of(1L, 2L, 3L));
        assertThat(plain(new Object[] {"a", 2})).isEqualTo(List.of("a", 2L));
        assertThat(plain(new LinkedHashSet<>(List.of(Colour.RED, Colour.GREEN)))).isEqualTo(List.of("RED", "GREEN"));
    }

    @Test
    void optionalsBecomeTheirContentOrNull() {
        assertThat(plain(Optional.of(4))).isEqualTo(4L);
        assertThat(plain(Optional.empty())).isNull();
    }

    @Test
    void everyConvertedValueIsWritableByEverySerializer() {
        List<Object> values = Arrays.asList(new AtomicLong(5), new Price("tea", new BigDecimal("1.1")),
                Map.of(1, "a"), Colour.RED, new int[] {1}, new Object[] {'x'}, Optional.of(2), LocalDate.EPOCH,
                new LinkedHashSet<>(List.of(1)), Map.of("deep", List.of(Map.of(2, new AtomicInteger(3)))), null);
        List<Object> converted = new ArrayList<>();
        values.forEach(value -> converted.add(plain(value)));
        Result result = new Result(1L, Map.of(), Payload.of(converted, Map.of("all", converted)));

        for (WampSerializer serializer : Serializers.all()) {
            assertThatCode(() -> serializer.serialize(result)).as(serializer.name()).doesNotThrowAnyException();
        }
    }

    private @Nullable Object plain(@Nullable Object value) {
        return converter.toPayload(value);
    }
}
