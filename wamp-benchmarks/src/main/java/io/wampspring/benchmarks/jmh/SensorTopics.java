package io.wampspring.benchmarks.jmh;

import java.util.Random;

import io.wampspring.router.match.MatchPolicy;

/**
 * The subscriptions of a shop's sensor dashboard, ten per sensor {@code n}: six exact
 * ({@code com.shop.sensor.<n>.temperature}, {@code .humidity}, {@code .pressure}, {@code .battery},
 * {@code com.shop.device.<n>.status}, {@code com.shop.order.<n>.created}), two prefixes ({@code com.shop.sensor.<n>.},
 * {@code com.shop.device.<n>.}) and two wildcards ({@code com.shop..<n>.temperature}, {@code com.shop..<n>.status}).
 * An event on {@code com.shop.sensor.<n>.temperature} matches exactly three of them, whatever the size: the exact one,
 * the prefix {@code com.shop.sensor.<n>.} and the wildcard {@code com.shop..<n>.temperature} (a prefix ends with a
 * dot, so {@code com.shop.sensor.1.} does not match sensor 12).
 */
final class SensorTopics {

    static final int PER_SENSOR = 10;
    static final int MATCHES_PER_TOPIC = 3;

    private SensorTopics() {
    }

    static MatchPolicy policy(int index) {
        return switch (index % PER_SENSOR) {
            case 6, 7 -> MatchPolicy.PREFIX;
            case 8, 9 -> MatchPolicy.WILDCARD;
            default -> MatchPolicy.EXACT;
        };
    }

    /** The URI of subscription {@code index} (sensor {@code index / 10}). */
    static String uri(int index) {
        int n = index / PER_SENSOR;
        return switch (index % PER_SENSOR) {
            case 0 -> "com.shop.sensor." + n + ".temperature";
            case 1 -> "com.shop.sensor." + n + ".humidity";
            case 2 -> "com.shop.sensor." + n + ".pressure";
            case 3 -> "com.shop.sensor." + n + ".battery";
            case 4 -> "com.shop.device." + n + ".status";
            case 5 -> "com.shop.order." + n + ".created";
            case 6 -> "com.shop.sensor." + n + ".";
            case 7 -> "com.shop.device." + n + ".";
            case 8 -> "com.shop.." + n + ".temperature";
            default -> "com.shop.." + n + ".status";
        };
    }

    /**
     * {@code count} published topics ({@code com.shop.sensor.<n>.temperature} of random sensors among those the
     * {@code subscriptions} cover), each a new string as if just decoded from a PUBLISH; {@code distinct} of them
     * differ, the rest repeat them.
     */
    static String[] published(int subscriptions, int count, int distinct, long seed) {
        int sensors = Math.max(1, subscriptions / PER_SENSOR);
        Random random = new Random(seed);
        String[] topics = new String[count];
        for (int i = 0; i < count; i++) {
            int n = i < distinct ? random.nextInt(sensors) : -1;
            topics[i] = n >= 0 ? "com.shop.sensor." + n + ".temperature" : new String(topics[i % distinct]);
        }
        return topics;
    }
}
