package io.wampspring.router.serialization;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import io.wampspring.router.serialization.HostileWire.Claim;
import io.wampspring.router.serialization.HostileWire.Entries;
import io.wampspring.router.serialization.HostileWire.Float32;
import io.wampspring.router.serialization.HostileWire.Indefinite;
import io.wampspring.router.serialization.HostileWire.JsonLiteral;
import io.wampspring.router.serialization.HostileWire.Kind;
import io.wampspring.router.serialization.HostileWire.RawString;
import io.wampspring.router.serialization.HostileWire.Tagged;
import io.wampspring.router.serialization.HostileWire.Undefined;

import static io.wampspring.router.serialization.HostileWire.entry;

/**
 * Generates hostile frames for the fuzz tests from one random source: random bytes, mutations of valid frames,
 * structure-aware messages whose fields are sometimes of the wrong kind or out of range, and the known sharp edges
 * (nesting tens of thousands deep, huge length claims, invalid UTF-8, NaN and infinities, duplicate keys, CBOR tags
 * and indefinite lengths, wrong type codes, truncation).
 */
public final class HostileFrames {

    private static final long MAX_ID = 1L << 53;

    /** URIs and realm names the fuzzed router knows, and some it refuses. */
    private static final List<String> URIS = List.of("realm1", "secure", "nowhere", "fuzz.a", "fuzz.b.c", "fuzz",
            "fuzz..c", "fuzz.#", "a b", "", ".", "wamp.session.count", "wamp.session.list", "wamp.session.get",
            "wamp.session.kill", "wamp.registration.list", "wamp.registration.match", "wamp.subscription.list",
            "wamp.subscription.get_events", "wamp.error.canceled", "wamp.close.goodbye_and_out",
            "wamp.error.protocol_violation", "health.echo");

    private static final List<String> OPTION_KEYS = List.of("roles", "authmethods", "authid", "authextra", "match",
            "acknowledge", "exclude_me", "exclude", "eligible", "exclude_authid", "exclude_authrole",
            "eligible_authid", "eligible_authrole", "disclose_me", "retain", "get_retained", "receive_progress",
            "progress", "timeout", "invoke", "mode", "message", "reason", "procedure", "topic", "x_custom");

    private static final List<Object> OPTION_VALUES = List.of(true, false, "exact", "prefix", "wildcard", "bogus",
            "single", "roundrobin", "first", "last", "random", "skip", "kill", "killnowait", "anonymous", "ticket",
            "alice", 0L, 1L, 10L, -1L, List.of("ticket"), List.of("anonymous"), List.of("nope", "anonymous"),
            List.of(1L, 2L), List.of("anonymous", 3L), Map.of("caller", Map.of()));

    /** Byte sequences that are not UTF-8: a stray continuation, an overlong NUL, a surrogate, beyond U+10FFFF, cut. */
    private static final List<byte[]> INVALID_UTF8 = List.of(new byte[] {(byte) 0xff}, new byte[] {(byte) 0x80},
            new byte[] {(byte) 0xc0, (byte) 0x80}, new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
            new byte[] {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0xe2, (byte) 0x82},
            new byte[] {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80});

    private static final List<Object> HOSTILE_IDS = Arrays.asList(0L, -1L, MAX_ID + 1, Long.MAX_VALUE,
            Long.MIN_VALUE, -MAX_ID, BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE), BigInteger.ONE.shiftLeft(64),
            BigInteger.ONE.shiftLeft(100), BigInteger.ONE.shiftLeft(64).negate(), 1.5, -1.0, 0.0, -0.0, Double.NaN,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, (double) MAX_ID, (double) MAX_ID + 2, 1e300,
            new Float32(Float.NaN), new Float32(1f), new Float32(Float.POSITIVE_INFINITY), new JsonLiteral("NaN"),
            new JsonLiteral("Infinity"), new JsonLiteral("-Infinity"), new JsonLiteral("1e999"),
            new JsonLiteral("9007199254740993"), new JsonLiteral("123456789012345678901234567890"),
            new JsonLiteral("1.0e2"), "1", true, List.of(1L), Undefined.VALUE, null,
            new Tagged(2, new byte[] {1, 0}), new Tagged(1, 1L), new Tagged(55799, 1L));

    private static final List<Object> SCALARS = Arrays.asList(null, Undefined.VALUE, true, false, 0L, 1L, -1L,
            Long.MAX_VALUE, Long.MIN_VALUE, BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE),
            BigInteger.ONE.shiftLeft(200), BigInteger.ONE.shiftLeft(200).negate(), 0.5, -0.0, Double.NaN,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, new Float32(Float.NaN),
            new Float32(Float.NEGATIVE_INFINITY), new JsonLiteral("NaN"), new JsonLiteral("-Infinity"),
            new JsonLiteral("1e99999"), new JsonLiteral("-0"), new JsonLiteral("1" + "0".repeat(400)),
            new JsonLiteral("0.1e-99999"), new byte[0], new byte[] {0, (byte) 0xff});

    private static final List<String> ODD_STRINGS = List.of("\ud800", "a\udfffb", "\udbff\udbff", "\u0000",
            "\u0000!!", "\u0000AAE=", "\uffff", "\ud83d\ude00", "x".repeat(300), "é", "\u2028", "\\", "\"");

    /** The type codes clients send, weighted so that sessions get established and then do things. */
    private static final List<Long> CLIENT_CODES = List.of(1L, 1L, 5L, 6L, 3L, 8L, 16L, 32L, 34L, 48L, 49L, 64L, 66L,
            70L, 70L);

    private static final List<Object> ODD_CODES = Arrays.asList(0L, 7L, 71L, 255L, -1L, 1L << 40, Long.MIN_VALUE,
            48.0, "48", null, new Float32(48f), BigInteger.ONE.shiftLeft(70), new Tagged(0, 48L), List.of(48L));

    private enum Field { ID, DICT, HELLO_DICT, REALM, URI, STRING, TYPE, PAYLOAD, OPTIONAL_DICT }

    private static final Map<Long, List<Field>> LAYOUTS = layouts();

    private final SplittableRandom random;

    public HostileFrames(SplittableRandom random) {
        this.random = random;
    }

    // ---- choices

    public int between(int min, int max) {
        return random.nextInt(min, max + 1);
    }

    /** True with a chance of {@code percent} in 100. */
    public boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    public <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    // ---- leaves

    /** Ids: mostly small (so they name requests and invocations of the session), some random, some hostile. */
    public Object id() {
        int roll = random.nextInt(12);
        if (roll < 8) {
            return (long) between(1, 4);
        }
        if (roll < 10) {
            return random.nextLong(1, MAX_ID + 1);
        }
        return pick(HOSTILE_IDS);
    }

    public RawString invalidUtf8() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(pick(List.of("", "com.", "fuzz.a", "ré")).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(pick(INVALID_UTF8));
        out.writeBytes(pick(List.of("", ".x", "é")).getBytes(StandardCharsets.UTF_8));
        return new RawString(out.toByteArray());
    }

    /** Strings a decoder must carry or refuse: lone surrogates, controls, NUL-prefixed (JSON binary), any Unicode. */
    public Object oddString() {
        return switch (random.nextInt(3)) {
            case 0 -> pick(ODD_STRINGS);
            case 1 -> randomString();
            default -> invalidUtf8();
        };
    }

    private String randomString() {
        StringBuilder text = new StringBuilder();
        int length = between(0, 12);
        for (int i = 0; i < length; i++) {
            text.append((char) (chance(70) ? between(0x20, 0x7e) : between(0, 0xffff)));
        }
        return text.toString();
    }

    public Object uri() {
        return chance(85) ? pick(URIS) : oddString();
    }

    public Object scalar() {
        return switch (random.nextInt(5)) {
            case 0, 1 -> pick(SCALARS);
            case 2 -> random.nextLong();
            case 3 -> oddString();
            default -> pick(HOSTILE_IDS);
        };
    }

    // ---- containers

    /** Any value up to {@code depth} containers deep, with duplicate and non-string keys, tags and indefinite forms. */
    public Object value(int depth) {
        if (depth == 0) {
            return scalar();
        }
        return switch (random.nextInt(12)) {
            case 0, 1 -> listOf(() -> value(depth - 1), 4);
            case 2, 3 -> mapOf(() -> value(depth - 1), 4);
            case 4 -> duplicateKeys(() -> value(depth - 1));
            case 5 -> new Tagged(pick(List.of(0L, 1L, 2L, 3L, 4L, 5L, 21L, 24L, 32L, 55799L, 1L << 40, -1L)),
                    value(depth - 1));
            case 6 -> new Indefinite(switch (random.nextInt(3)) {
                case 0 -> listOf(() -> value(depth - 1), 4);
                case 1 -> mapOf(() -> value(depth - 1), 4);
                default -> oddString();
            });
            default -> scalar();
        };
    }

    private List<Object> listOf(Supplier<Object> element, int max) {
        List<Object> list = new ArrayList<>();
        for (int i = between(0, max); i > 0; i--) {
            list.add(element.get());
        }
        return list;
    }

    private Map<String, Object> mapOf(Supplier<Object> value, int max) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = between(0, max); i > 0; i--) {
            map.put(chance(80) ? pick(OPTION_KEYS) : randomString(), value.get());
        }
        return map;
    }

    /** A map whose first key comes again at the end, and whose keys are sometimes not strings at all. */
    private Entries duplicateKeys(Supplier<Object> value) {
        List<Map.Entry<Object, Object>> entries = new ArrayList<>();
        for (int i = between(1, 3); i > 0; i--) {
            entries.add(entry(chance(70) ? pick(OPTION_KEYS) : chance(50) ? invalidUtf8() : scalar(), value.get()));
        }
        entries.add(entry(entries.get(0).getKey(), value.get()));
        return new Entries(entries);
    }

    public Object optionValue() {
        return switch (random.nextInt(8)) {
            case 0, 1, 2, 3 -> pick(OPTION_VALUES);
            case 4, 5 -> listOf(this::id, 3);
            default -> value(2);
        };
    }

    public Object dict() {
        int roll = random.nextInt(10);
        if (roll < 8) {
            return mapOf(this::optionValue, 4);
        }
        if (roll < 9) {
            String key = pick(OPTION_KEYS);
            return new Entries(List.of(entry(key, optionValue()), entry(key, optionValue())));
        }
        return value(2);
    }

    /** HELLO.Details that a router accepts: roles, and sometimes authentication for the secure realm. */
    public Object helloDetails() {
        Map<String, Object> roles = Map.of("caller", Map.of(), "callee", Map.of(), "publisher", Map.of(),
                "subscriber", Map.of());
        return switch (random.nextInt(12)) {
            case 0, 1, 2, 3, 4, 5 -> Map.of("roles", roles);
            case 6, 7, 8, 9 -> Map.of("roles", roles, "authmethods", List.of("ticket"), "authid", "alice");
            default -> dict();
        };
    }

    /** What follows a message's fixed fields: nothing, args, args and kwargs, or something else. */
    public List<Object> payload() {
        return switch (random.nextInt(10)) {
            case 0, 1, 2 -> List.of();
            case 3, 4, 5 -> List.of(listOf(() -> value(3), 3));
            case 6, 7, 8 -> List.of(listOf(() -> value(3), 3), mapOf(() -> value(3), 3));
            default -> listOf(() -> value(3), 3);
        };
    }

    // ---- messages

    private static Map<Long, List<Field>> layouts() {
        Map<Long, List<Field>> layouts = new LinkedHashMap<>();
        layouts.put(1L, List.of(Field.REALM, Field.HELLO_DICT));
        layouts.put(2L, List.of(Field.ID, Field.DICT));
        layouts.put(3L, List.of(Field.DICT, Field.URI, Field.PAYLOAD));
        layouts.put(4L, List.of(Field.STRING, Field.DICT));
        layouts.put(5L, List.of(Field.STRING, Field.DICT));
        layouts.put(6L, List.of(Field.DICT, Field.URI));
        layouts.put(8L, List.of(Field.TYPE, Field.ID, Field.DICT, Field.URI, Field.PAYLOAD));
        layouts.put(16L, List.of(Field.ID, Field.DICT, Field.URI, Field.PAYLOAD));
        layouts.put(17L, List.of(Field.ID, Field.ID));
        layouts.put(32L, List.of(Field.ID, Field.DICT, Field.URI));
        layouts.put(33L, List.of(Field.ID, Field.ID));
        layouts.put(34L, List.of(Field.ID, Field.ID));
        layouts.put(35L, List.of(Field.ID, Field.OPTIONAL_DICT));
        layouts.put(36L, List.of(Field.ID, Field.ID, Field.DICT, Field.PAYLOAD));
        layouts.put(48L, List.of(Field.ID, Field.DICT, Field.URI, Field.PAYLOAD));
        layouts.put(49L, List.of(Field.ID, Field.DICT));
        layouts.put(50L, List.of(Field.ID, Field.DICT, Field.PAYLOAD));
        layouts.put(64L, List.of(Field.ID, Field.DICT, Field.URI));
        layouts.put(65L, List.of(Field.ID, Field.ID));
        layouts.put(66L, List.of(Field.ID, Field.ID));
        layouts.put(67L, List.of(Field.ID, Field.OPTIONAL_DICT));
        layouts.put(68L, List.of(Field.ID, Field.ID, Field.DICT, Field.PAYLOAD));
        layouts.put(69L, List.of(Field.ID, Field.DICT));
        layouts.put(70L, List.of(Field.ID, Field.DICT, Field.PAYLOAD));
        return layouts;
    }

    private Object field(Field field) {
        if (chance(7)) {
            return value(2); // the wrong kind altogether
        }
        return switch (field) {
            case ID -> id();
            case DICT, OPTIONAL_DICT -> dict();
            case HELLO_DICT -> helloDetails();
            case URI -> uri();
            case REALM -> chance(90) ? pick(List.of("realm1", "realm1", "secure")) : uri();
            case STRING -> chance(80) ? pick(List.of("secret", "wrong", "ticket", "anonymous")) : oddString();
            case TYPE -> pick(List.of(68L, 68L, 68L, 48L, 64L, 1L, 0L, 7L, 71L, -68L, 1L << 40, 68.0));
            case PAYLOAD -> throw new IllegalArgumentException("payloads are appended, not a field");
        };
    }

    /**
     * A message in list form: a type code (mostly the ones clients send, sometimes any code or no valid code at all),
     * then its fields, each mostly of the right kind, sometimes not; sometimes an element short or long.
     */
    public List<Object> message() {
        int roll = random.nextInt(18);
        Object code = roll < 14 ? pick(CLIENT_CODES) : roll < 17 ? pick(List.copyOf(LAYOUTS.keySet()))
                : pick(ODD_CODES);
        List<Field> layout = LAYOUTS.getOrDefault(code instanceof Long l ? l : -1L,
                List.of(Field.ID, Field.DICT, Field.URI));
        List<Object> message = new ArrayList<>();
        message.add(code);
        for (Field f : layout) {
            if (f == Field.PAYLOAD) {
                message.addAll(payload());
            }
            else if (f == Field.OPTIONAL_DICT) {
                if (chance(50)) {
                    message.add(field(f));
                }
            }
            else {
                message.add(field(f));
            }
        }
        int shape = random.nextInt(20);
        if (shape == 0 && !message.isEmpty()) {
            message.remove(message.size() - 1);
        }
        else if (shape == 1) {
            message.add(value(1));
        }
        return message;
    }

    /** A HELLO a router welcomes, or challenges for the realm {@code secure}, more often than not. */
    public List<Object> hello() {
        return Arrays.asList(1L, field(Field.REALM), field(Field.HELLO_DICT));
    }

    // ---- frames

    /** A frame of any kind for one format. */
    public byte[] frame(String format) {
        return switch (random.nextInt(11)) {
            case 0, 1, 2, 3, 4, 5 -> HostileWire.encode(format, message());
            case 6, 7, 8 -> mutated(format);
            case 9 -> randomBytes();
            default -> sharpEdge(format);
        };
    }

    public byte[] randomBytes() {
        byte[] bytes = new byte[between(0, 64)];
        random.nextBytes(bytes);
        return bytes;
    }

    private static final byte[] INTERESTING_BYTES = {0, (byte) 0xff, 0x7f, (byte) 0x80, (byte) 0xc1, (byte) 0xdd,
        (byte) 0xdf, (byte) 0x9f, (byte) 0xbf, 0x1b, 0x5b, 0x7b, 0x22, 0x5c, (byte) 0xd9, (byte) 0xc6, (byte) 0xfb,
        (byte) 0xf7, (byte) 0xd4, 0x3a};

    /** A structure-aware message, then a few byte-level mutations: flips, interesting bytes, cuts, repeats. */
    public byte[] mutated(String format) {
        byte[] frame = HostileWire.encode(format, message());
        for (int i = between(1, 4); i > 0; i--) {
            frame = mutate(frame);
        }
        return frame;
    }

    private byte[] mutate(byte[] frame) {
        byte value = INTERESTING_BYTES[random.nextInt(INTERESTING_BYTES.length)];
        if (frame.length == 0) {
            return new byte[] {value};
        }
        int at = random.nextInt(frame.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (random.nextInt(6)) {
            case 0 -> { // flip one bit
                byte[] copy = frame.clone();
                copy[at] ^= (byte) (1 << random.nextInt(8));
                return copy;
            }
            case 1 -> { // an interesting byte in place
                byte[] copy = frame.clone();
                copy[at] = value;
                return copy;
            }
            case 2 -> { // insert
                out.write(frame, 0, at);
                out.write(value);
                out.write(frame, at, frame.length - at);
            }
            case 3 -> { // truncate
                return Arrays.copyOf(frame, at);
            }
            case 4 -> { // delete a short range
                int end = Math.min(frame.length, at + between(1, 4));
                out.write(frame, 0, at);
                out.write(frame, end, frame.length - end);
            }
            default -> { // repeat the tail
                out.write(frame, 0, frame.length);
                out.write(frame, at, frame.length - at);
            }
        }
        return out.toByteArray();
    }

    /** Nesting tens of thousands deep, or a header claiming a huge length; in a CALL's args or alone. */
    public byte[] sharpEdge(String format) {
        if (chance(50)) {
            return deep(format, between(10_000, 60_000), pick(List.of(Nesting.values())), chance(50));
        }
        Claim claim = new Claim(pick(List.of(Kind.values())), pick(List.of(0xffffffffL, 1L << 31, (1L << 31) - 1,
                1L << 32, Long.MAX_VALUE, -1L, 100_000_000L)));
        return HostileWire.encode(format, chance(50) ? claim : List.of(48L, 1L, Map.of(), "fuzz.a", List.of(claim)));
    }

    public enum Nesting { ARRAYS, MAPS, MIXED, INDEFINITE, TAGS }

    /**
     * A value nested {@code depth} deep, written without recursion, alone or as a CALL's only argument. INDEFINITE and
     * TAGS are CBOR's own (indefinite-length arrays, tag 32 around tag 32...); the other formats nest arrays there.
     */
    public static byte[] deep(String format, int depth, Nesting nesting, boolean inPayload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(depth * 4 + 32);
        if (inPayload) {
            byte[] call = HostileWire.encode(format, List.of(48L, 1L, Map.of(), "fuzz.a", List.of(0L)));
            // the CALL without its argument 0 (and, in JSON, the closing brackets): the deep value takes its place
            out.write(call, 0, format.equals("json") ? call.length - 3 : call.length - 1);
        }
        for (int i = 0; i < depth; i++) {
            boolean map = isMap(nesting, i);
            switch (format) {
                case "json" -> out.writeBytes((map ? "{\"a\":" : "[").getBytes(StandardCharsets.US_ASCII));
                case "msgpack" -> out.writeBytes(map ? new byte[] {(byte) 0x81, (byte) 0xa1, 'a'}
                        : new byte[] {(byte) 0x91});
                default -> out.writeBytes(switch (nesting) {
                    case INDEFINITE -> new byte[] {(byte) 0x9f};
                    case TAGS -> new byte[] {(byte) 0xd8, 0x20};
                    default -> map ? new byte[] {(byte) 0xa1, 0x61, 'a'} : new byte[] {(byte) 0x81};
                });
            }
        }
        out.write(format.equals("json") ? '0' : 0);
        if (format.equals("json")) {
            for (int i = depth - 1; i >= 0; i--) {
                out.write(isMap(nesting, i) ? '}' : ']');
            }
            if (inPayload) {
                out.writeBytes("]]".getBytes(StandardCharsets.US_ASCII));
            }
        }
        else if (format.equals("cbor") && nesting == Nesting.INDEFINITE) {
            for (int i = 0; i < depth; i++) {
                out.write(0xff);
            }
        }
        return out.toByteArray();
    }

    private static boolean isMap(Nesting nesting, int level) {
        return nesting == Nesting.MAPS || nesting == Nesting.MIXED && level % 2 == 1;
    }
}
