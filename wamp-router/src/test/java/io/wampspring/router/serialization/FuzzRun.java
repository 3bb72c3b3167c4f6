package io.wampspring.router.serialization;

import java.time.Duration;
import java.util.SplittableRandom;

/**
 * Runs a fuzz property over generated inputs: a bounded number of tries in the normal build, more (or for a given
 * time) when asked. Each try has a seed of its own, printed with a failure, so one failing input is reproduced alone.
 * <ul>
 * <li>{@code -Dwamp.fuzz.tries=N}: tries per property (default: the property's own, a few seconds' worth);</li>
 * <li>{@code -Dwamp.fuzz.minutes=M}: run each property for M minutes instead (the long run);</li>
 * <li>{@code -Dwamp.fuzz.seed=S}: start from seed S (with {@code tries=1}: exactly the try a failure printed).</li>
 * </ul>
 * jqwik and Jazzer were weighed: jqwik 1.10's engine prints a notice asking AI agents not to use it, and its
 * combinators cost tens of milliseconds per nested sample; Jazzer is not among the served packages and its fuzzing mode
 * runs one test per JVM. Plain generators on {@link SplittableRandom} cost microseconds per input.
 */
public final class FuzzRun {

    /** One try: the input it generated, described for a failure report, and the check run on it. */
    public interface Try {
        /** Generates the input from {@code random} and checks the property; throws when it does not hold. */
        void run(SplittableRandom random, StringBuilder input) throws Exception;
    }

    private FuzzRun() {
    }

    /** Runs {@code property} {@code defaultTries} times (or as configured) and returns how many inputs it tried. */
    public static long run(String name, int defaultTries, Try property) {
        long tries = Long.getLong("wamp.fuzz.tries", defaultTries);
        String minutes = System.getProperty("wamp.fuzz.minutes");
        long deadline = minutes != null ? System.nanoTime() + Duration.ofSeconds(
                Math.round(Double.parseDouble(minutes) * 60)).toNanos() : Long.MAX_VALUE;
        long start = Long.getLong("wamp.fuzz.seed", new SplittableRandom().nextLong());
        SplittableRandom seeds = new SplittableRandom(start);
        long began = System.nanoTime();
        long done = 0;
        for (long seed = start; minutes != null ? System.nanoTime() < deadline : done < tries;
                seed = seeds.nextLong()) {
            StringBuilder input = new StringBuilder();
            try {
                property.run(new SplittableRandom(seed), input);
            }
            catch (Throwable failure) {
                throw new AssertionError(name + " failed at try " + (done + 1) + "; reproduce with -Dwamp.fuzz.seed="
                        + seed + " -Dwamp.fuzz.tries=1; input: " + abbreviate(input), failure);
            }
            done++;
        }
        System.out.printf("fuzz %s: %d inputs in %.1f s, first seed %d%n", name, done,
                (System.nanoTime() - began) / 1e9, start);
        return done;
    }

    private static String abbreviate(CharSequence input) {
        return input.length() <= 2000 ? input.toString() : input.subSequence(0, 2000) + "... (" + input.length()
                + " characters)";
    }

    /** A frame as hex, for failure reports. */
    public static String hex(byte[] frame) {
        return java.util.HexFormat.of().formatHex(frame, 0, Math.min(frame.length, 800))
                + (frame.length > 800 ? "... (" + frame.length + " bytes)" : "");
    }
}
