package io.wampspring.autoconfigure;

import io.wampspring.router.transport.SlowConsumerPolicy;
import org.springframework.util.unit.DataSize;

/** The bounded send buffer of each connection. */
public class WampSendBufferProperties {

    /** Bytes that may wait to be written to one peer before the overflow policy acts. */
    private DataSize maxSize = DataSize.ofMegabytes(16);

    /** What happens to a peer whose send buffer is full: disconnect it, or drop events for it. */
    private SlowConsumerPolicy overflowPolicy = SlowConsumerPolicy.DISCONNECT;

    public DataSize getMaxSize() {
        return maxSize;
    }

    public void setMaxSize(DataSize maxSize) {
        this.maxSize = maxSize;
    }

    public SlowConsumerPolicy getOverflowPolicy() {
        return overflowPolicy;
    }

    public void setOverflowPolicy(SlowConsumerPolicy overflowPolicy) {
        this.overflowPolicy = overflowPolicy;
    }
}
