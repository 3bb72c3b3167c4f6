package io.wampspring.benchmarks.sessions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The live objects of a JVM by class, as {@code jcmd PID GC.class_histogram} prints them (after the full GC it
 * forces), and its total.
 *
 * @param totalBytes bytes of all live objects
 * @param classes    per class name (module suffix dropped): instances and bytes
 */
public record HeapHistogram(long totalBytes, Map<String, Entry> classes) {

    private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+).*$");
    private static final Pattern TOTAL = Pattern.compile("^Total\\s+(\\d+)\\s+(\\d+)\\s*$");

    /** One class's row. */
    public record Entry(long instances, long bytes) {
    }

    /** One class's growth between two histograms. */
    public record Growth(String className, long instances, long bytes) {
    }

    public HeapHistogram {
        classes = Map.copyOf(classes);
    }

    static HeapHistogram parse(String output) {
        Map<String, Entry> classes = new HashMap<>();
        long total = -1;
        for (String line : output.split("\\R")) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                classes.merge(row.group(3), new Entry(Long.parseLong(row.group(1)), Long.parseLong(row.group(2))),
                        (a, b) -> new Entry(a.instances() + b.instances(), a.bytes() + b.bytes()));
                continue;
            }
            Matcher totalRow = TOTAL.matcher(line.trim());
            if (totalRow.matches()) {
                total = Long.parseLong(totalRow.group(2));
            }
        }
        if (total < 0 || classes.isEmpty()) {
            throw new IllegalArgumentException("not a class histogram: "
                    + output.substring(0, Math.min(200, output.length())));
        }
        return new HeapHistogram(total, classes);
    }

    /** The {@code top} classes that grew most in bytes from {@code before} to this histogram. */
    List<Growth> growthSince(HeapHistogram before, int top) {
        List<Growth> growth = new ArrayList<>();
        classes.forEach((name, now) -> {
            Entry then = before.classes().getOrDefault(name, new Entry(0, 0));
            growth.add(new Growth(name, now.instances() - then.instances(), now.bytes() - then.bytes()));
        });
        return growth.stream().sorted(Comparator.comparingLong(Growth::bytes).reversed()).limit(top).toList();
    }
}
