package io.wampspring.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.wampspring.router.message.Goodbye;
import io.wampspring.router.message.Hello;
import io.wampspring.router.message.WampMessage;
import io.wampspring.router.serialization.Serializers;

/** The few frames the load client needs, through the router's own JSON codec ({@code wamp.2.json}). */
public final class Wamp {

    public static final String SUBPROTOCOL = "wamp.2.json";
    static final String GOODBYE_AND_OUT = "wamp.close.goodbye_and_out";
    static final String CLOSE_NORMAL = "wamp.close.normal";

    private Wamp() {
    }

    static String encode(WampMessage message) {
        return new String(Serializers.JSON.serialize(message), StandardCharsets.UTF_8);
    }

    public static WampMessage decode(String frame) {
        return Serializers.JSON.deserialize(frame);
    }

    /** The decoded frame, or null after counting {@code error} in the run when it cannot be decoded. */
    static WampMessage decodeOrCount(String frame, LoadRun run, String error) {
        try {
            return decode(frame);
        }
        catch (RuntimeException ex) {
            run.error(error);
            return null;
        }
    }

    public static String hello(String realm, String role) {
        return encode(new Hello(realm, Map.of("roles", Map.of(role, Map.of()))));
    }

    static String goodbye() {
        return encode(new Goodbye(Map.of(), CLOSE_NORMAL));
    }

    static String goodbyeReply() {
        return encode(new Goodbye(Map.of(), GOODBYE_AND_OUT));
    }

    /** A string argument of exactly {@code size} ASCII characters. */
    static String payload(int size) {
        StringBuilder builder = new StringBuilder(size);
        String alphabet = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
        for (int i = 0; i < size; i++) {
            builder.append(alphabet.charAt(i % alphabet.length()));
        }
        return builder.toString();
    }

    static boolean isSingleArg(List<Object> args, Object expected) {
        return args != null && args.size() == 1 && expected.equals(args.get(0));
    }
}
