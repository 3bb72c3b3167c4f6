package io.wampspring.rawsocket;

import java.util.concurrent.atomic.AtomicInteger;

/** Open RawSocket connections against the configured maximum, shared by every event loop of one server. */
final class ConnectionCount {

    private final int max;
    private final AtomicInteger open = new AtomicInteger();

    ConnectionCount(int max) {
        this.max = max;
    }

    boolean tryAcquire() {
        while (true) {
            int now = open.get();
            if (now >= max) {
                return false;
            }
            if (open.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    void release() {
        open.decrementAndGet();
    }

    int open() {
        return open.get();
    }
}
