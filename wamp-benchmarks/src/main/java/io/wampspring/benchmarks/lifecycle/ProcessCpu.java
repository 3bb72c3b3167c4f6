package io.wampspring.benchmarks.lifecycle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of another process on Linux: utime + stime from {@code /proc/PID/stat}, in clock ticks of 10 ms
 * ({@code CLK_TCK} = 100 on Linux), so a delta is meaningful over seconds, not milliseconds.
 */
final class ProcessCpu {

    private static final long NANOS_PER_TICK = 10_000_000L;

    private final Path stat;

    ProcessCpu(long pid) {
        this.stat = Path.of("/proc", Long.toString(pid), "stat");
    }

    /** CPU time the process used so far, user and system, in nanoseconds. */
    long nanos() throws IOException {
        String line = Files.readString(stat);
        // the command name in parentheses may hold spaces: count fields after its closing parenthesis
        String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
        // fields 14 (utime) and 15 (stime) of proc(5), i.e. 12 and 13 after the name and state
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK;
    }
}
