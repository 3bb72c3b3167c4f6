package io.wampspring.benchmarks.sessions;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.netty.channel.Channel;

/**
 * The {@code sessions} scenario: for each kind in turn, opens and closes a warm-up batch, measures the server
 * (full GC, live heap, resident set), opens N idle sessions and times it, measures again with all N open, prints
 * one {@link SessionsResult} line and the classes that grew most per session, and closes them. The kinds are
 * measured one after the other in the same server process, each against its own baseline.
 */
public final class SessionsRun {

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
        ServerProbe.Snapshot before = probe.snapshot();
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
