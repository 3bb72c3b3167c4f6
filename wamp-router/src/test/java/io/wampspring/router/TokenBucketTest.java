package io.wampspring.router;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The message-rate bucket against a clock the test moves: no test here waits for real time. */
class TokenBucketTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private void advanceMillis(long millis) {
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    private static int takeAll(TokenBucket bucket) {
        int taken = 0;
        while (bucket.tryTake()) {
            taken++;
        }
        return taken;
    }

    @Test
    void aFullBucketGivesItsBurstThenNothing() {
        TokenBucket bucket = new TokenBucket(10, 5, now::get);
        assertThat(takeAll(bucket)).isEqualTo(5);
        assertThat(bucket.tryTake()).isFalse();
    }

    @Test
    void tokensComeBackAtTheRate() {
        TokenBucket bucket = new TokenBucket(10, 5, now::get);
        takeAll(bucket);
        advanceMillis(99);
        assertThat(bucket.tryTake()).as("a token takes 100 ms at 10 per second").isFalse();
        advanceMillis(1);
        assertThat(bucket.tryTake()).isTrue();
        assertThat(bucket.tryTake()).isFalse();
        advanceMillis(300);
        assertThat(takeAll(bucket)).isEqualTo(3);
    }

    @Test
    void anIdleBucketFillsUpToItsBurstAndNoFurther() {
        TokenBucket bucket = new TokenBucket(10, 5, now::get);
        takeAll(bucket);
        advanceMillis(60_000);
        assertThat(takeAll(bucket)).isEqualTo(5);
    }

    @Test
    void aSteadySenderAtTheRateIsNeverHeldBack() {
        TokenBucket bucket = new TokenBucket(100, 1, now::get);
        for (int i = 0; i < 1000; i++) {
            assertThat(bucket.tryTake()).as("message %d", i).isTrue();
            advanceMillis(10);
        }
    }

    @Test
    void aRefusedMessageTakesNoToken() {
        TokenBucket bucket = new TokenBucket(1, 1, now::get);
        assertThat(bucket.tryTake()).isTrue();
        for (int i = 0; i < 10; i++) {
            assertThat(bucket.tryTake()).isFalse();
        }
        advanceMillis(1000);
        assertThat(bucket.tryTake()).as("refusals did not push the refill back").isTrue();
    }

    @Test
    void rateAndBurstMustBePositive() {
        assertThatThrownBy(() -> new TokenBucket(0, 1, now::get)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenBucket(1, 0, now::get)).isInstanceOf(IllegalArgumentException.class);
    }
}
