package io.wampspring.benchmarks.sessions;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.netty.channel.Channel;

/**
 * The {@code sessions} scenario: for each kind in turn, opens and closes a warm-up batch, measures the server
 * once its live heap has settled (full GC, live heap, resident set), opens N idle sessions and times it, measures again with all N open, prints
 * one {@link SessionsResult} line and the classes that grew most per session, and closes them. The kinds are
 * measured one after the other in the same server process, each against its own baseline.
 */
public final class SessionsRun {

    private static final int SETTLE_ATTEMPTS = 10;
    private static final Duration SETTLE_PAUSE = Duration.ofSeconds(1);
    private static final long SETTLED_BYTES = 256 * 1024;

    private final SessionsConfig config;
    private final PrintStream out;
    private final PrintStream log;
    private final ServerProbe probe;

    public SessionsRun(SessionsConfig config, PrintStream out, PrintStream log) {
        this.config = config;
        this.out = out;
        this.log = log;
        this.probe = new ServerProbe(config.serverPid());
    }

    public List<SessionsResult> execute() throws Exception {
        List<SessionsResult> results = new ArrayList<>();
        try (IdleClient client = new IdleClient(config.realm())) {
            for (SessionKind kind : config.kinds()) {
                results.add(measure(client, kind));
            }
        }
        return results;
    }

    private SessionsResult measure(IdleClient client, SessionKind kind) throws Exception {
        String tag = "[sessions " + config.target() + " " + kind.id() + "]";
        if (config.warmupSessions() > 0) {
            log.println(tag + " warm-up: " + config.warmupSessions() + " opened and closed");
            client.close(client.open(kind, config.uri(kind), config.warmupSessions(), config.concurrency(),
                    config.openTimeout()));
        }
        ServerProbe.Snapshot before = settledSnapshot(tag);
        log.println(tag + " opening " + config.sessions());
        long start = System.nanoTime();
        List<Channel> channels = client.open(kind, config.uri(kind), config.sessions(), config.concurrency(),
                config.openTimeout());
        double openSeconds = (System.nanoTime() - start) / 1e9;
        ServerProbe.Snapshot open = probe.snapshot();
        long dropped = channels.stream().filter(channel -> !channel.isActive()).count();
        if (dropped > 0) {
            log.println(tag + " " + dropped + " connection(s) dropped while held");
        }
        SessionsResult result = new SessionsResult(config.target(), kind.id(), config.sessions(), openSeconds,
                before.rssBytes(), open.rssBytes(), before.heap().totalBytes(), open.heap().totalBytes(), dropped);
        out.println(result.toLine());
        printGrowth(kind, before.heap(), open.heap());
        log.println(tag + " closing");
        client.close(channels);
        return result;
    }

    /**
     * A snapshot once the server has let go of what was closed before: a server may release closed sessions some
     * time after their TCP connection is gone (seen on the reactive transport: 500 closed WAMP sessions were still
     * live a second later on a loaded machine), so snapshots are repeated until the live heap stops shrinking.
     */
    private ServerProbe.Snapshot settledSnapshot(String tag) throws Exception {
        ServerProbe.Snapshot last = probe.snapshot();
        for (int attempt = 1; attempt <= SETTLE_ATTEMPTS; attempt++) {
            Thread.sleep(SETTLE_PAUSE.toMillis()); // polls the server's state: nothing to wait on from here
            ServerProbe.Snapshot next = probe.snapshot();
            long shrunk = last.heap().totalBytes() - next.heap().totalBytes();
            last = next;
            if (shrunk <= Math.max(SETTLED_BYTES, next.heap().totalBytes() / 100)) {
                return last;
            }
            log.println(tag + " live heap still shrinking (" + shrunk / 1024 + " KB less), measuring again");
        }
        log.println(tag + " live heap did not settle in " + SETTLE_ATTEMPTS + " attempts; measured anyway");
        return last;
    }

    private void printGrowth(SessionKind kind, HeapHistogram before, HeapHistogram open) {
        if (config.histogramTop() == 0) {
            return;
        }
        out.printf(Locale.ROOT, "# heap growth per session, target=%s kind=%s (top %d classes): "
                + "bytes/session instances/session class%n", config.target(), kind.id(), config.histogramTop());
        double n = config.sessions();
        for (HeapHistogram.Growth growth : open.growthSince(before, config.histogramTop())) {
            out.printf(Locale.ROOT, "#   %10.1f %8.2f  %s%n", growth.bytes() / n, growth.instances() / n,
                    growth.className());
        }
    }
}
