package io.wampspring.benchmarks.sessions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Reads the memory of the server process: its resident set from {@code /proc/PID/status} and its live heap from
 * {@code jcmd PID GC.class_histogram}, which runs a full GC first. The server must be a JVM of the same user.
 */
final class ServerProbe {

    private static final long JCMD_TIMEOUT_S = 300;

    private final long pid;
    private final String jcmd;

    ServerProbe(long pid) {
        this.pid = pid;
        Path besideJava = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        this.jcmd = Files.isExecutable(besideJava) ? besideJava.toString() : "jcmd";
    }

    /** The full GC first, so that the resident set read right after it holds no garbage of the heap's own. */
    Snapshot snapshot() throws IOException, InterruptedException {
        HeapHistogram heap = histogram();
        return new Snapshot(rssBytes(), heap);
    }

    long rssBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"),
                StandardCharsets.UTF_8)) {
            if (line.startsWith("VmRSS:")) {
                String[] fields = line.substring("VmRSS:".length()).trim().split("\\s+");
                if (fields.length == 2 && fields[1].equals("kB")) {
                    return Long.parseLong(fields[0]) * 1024;
                }
            }
        }
        throw new IOException("no VmRSS in /proc/" + pid + "/status");
    }

    HeapHistogram histogram() throws IOException, InterruptedException {
        Process process = new ProcessBuilder(jcmd, Long.toString(pid), "GC.class_histogram")
                .redirectErrorStream(true).start();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            }
            catch (IOException ex) {
                throw new IllegalStateException(ex);
            }
        });
        if (!process.waitFor(JCMD_TIMEOUT_S, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("jcmd " + pid + " GC.class_histogram took more than " + JCMD_TIMEOUT_S + " s");
        }
        String text = output.join();
        if (process.exitValue() != 0) {
            throw new IOException("jcmd " + pid + " GC.class_histogram failed (" + process.exitValue() + "): " + text);
        }
        return HeapHistogram.parse(text);
    }

    /** The server's memory at one moment. */
    record Snapshot(long rssBytes, HeapHistogram heap) {
    }
}
