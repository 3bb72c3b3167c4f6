package io.wampspring.router;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.wampspring.router.match.UriTable;
import io.wampspring.router.message.Call;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How long a call may take (its {@code timeout} option, else the best-matching procedure default, else the realm's)
 * and the timer that ends it when that passes.
 */
final class CallTimeouts {

    private static final Logger logger = LoggerFactory.getLogger(CallTimeouts.class);

    private final Duration realmDefault;
    private final @Nullable UriTable<Duration> procedureDefaults;
    private final ScheduledExecutorService timer;

    CallTimeouts(RpcConfig rpc, ScheduledExecutorService timer) {
        this.realmDefault = rpc.defaultCallTimeout();
        this.timer = timer;
        if (rpc.procedureTimeouts().isEmpty()) {
            this.procedureDefaults = null;
        }
        else {
            UriTable<Duration> defaults = new UriTable<>();
            rpc.procedureTimeouts().forEach(entry -> defaults.compute(entry.match(), entry.uri(),
                    (uri, current) -> entry.timeout()));
            this.procedureDefaults = defaults;
        }
    }

    /** The call's timeout in ms (0: none); -1 when its option is not a non-negative integer. */
    long of(Call call, String uri) {
        Object option = call.options().get("timeout");
        if (option != null) {
            // remote callers' decoders give a Long; an in-process caller may pass any Java integer
            boolean integer = option instanceof Long || option instanceof Integer || option instanceof Short
                    || option instanceof Byte;
            long millis = integer ? ((Number) option).longValue() : -1;
            return millis >= 0 ? millis : -1;
        }
        if (procedureDefaults != null) {
            Duration configured = procedureDefaults.bestMatch(uri);
            if (configured != null) {
                return configured.toMillis();
            }
        }
        return realmDefault.toMillis();
    }

    /** Runs {@code expire} after {@code timeoutMillis} unless the call has ended by then; nothing for 0. */
    void start(PendingCall pending, long timeoutMillis, Runnable expire) {
        if (timeoutMillis <= 0 || pending.isEnded()) {
            return;
        }
        try {
            pending.timeout = timer.schedule(expire, timeoutMillis, TimeUnit.MILLISECONDS);
        }
        catch (RejectedExecutionException ex) {
            logger.debug("Router timer stopped; call {} runs without its timeout", pending.callerRequest);
        }
        if (pending.isEnded() && pending.timeout != null) {
            // answered while the timer was being set
            pending.timeout.cancel(false);
        }
    }
}
