package io.wampspring.router;

import java.util.concurrent.atomic.LongAdder;

/** Router-wide counters, cheap to bump on the hot path. */
public final class RouterStats {

    final LongAdder sessionsOpened = new LongAdder();
    final LongAdder protocolViolations = new LongAdder();
    final LongAdder droppedEvents = new LongAdder();
    final LongAdder slowConsumerDisconnects = new LongAdder();

    public long sessionsOpened() {
        return sessionsOpened.sum();
    }

    public long protocolViolations() {
        return protocolViolations.sum();
    }

    public long droppedEvents() {
        return droppedEvents.sum();
    }

    public long slowConsumerDisconnects() {
        return slowConsumerDisconnects.sum();
    }
}
