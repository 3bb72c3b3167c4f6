package io.wampspring.spring.observation;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.wampspring.router.client.WampException;
import io.wampspring.spring.annotation.WampProcedure;
import io.wampspring.spring.annotation.WampTopic;

/** Annotated endpoints whose traffic the metrics and observations tests count. */
public class MetricsEndpoints {

    final List<String> received = new CopyOnWriteArrayList<>();
    final CountDownLatch releaseSlow = new CountDownLatch(1);

    @WampProcedure("test.metrics.add")
    long add(long a, long b) {
        return a + b;
    }

    @WampProcedure("test.metrics.refuse")
    void refuse() {
        throw new WampException("test.error.refused", "no");
    }

    @WampTopic("test.metrics.topic")
    void onTopic(String value) {
        received.add(value);
    }

    @WampTopic("test.metrics.failing")
    void onFailing(String value) {
        throw new IllegalStateException("cannot handle " + value);
    }

    @WampTopic("test.metrics.slow")
    void onSlow(String value) throws InterruptedException {
        releaseSlow.await(30, TimeUnit.SECONDS);
    }
}
