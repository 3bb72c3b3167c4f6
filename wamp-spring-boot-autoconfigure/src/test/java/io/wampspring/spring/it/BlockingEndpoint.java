package io.wampspring.spring.it;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.wampspring.spring.annotation.WampProcedure;

/** A procedure that blocks its thread until the test releases it. */
public class BlockingEndpoint {

    volatile CountDownLatch entered = new CountDownLatch(1);
    volatile CountDownLatch release = new CountDownLatch(1);

    void reset() {
        entered = new CountDownLatch(1);
        release = new CountDownLatch(1);
    }

    @WampProcedure("test.blocking.wait")
    public String await(String token) throws InterruptedException {
        entered.countDown();
        return release.await(30, TimeUnit.SECONDS) ? "released " + token : "timed out " + token;
    }
}
