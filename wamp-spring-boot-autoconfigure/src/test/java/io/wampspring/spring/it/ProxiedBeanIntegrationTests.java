package io.wampspring.spring.it;

import java.time.Duration;
import java.util.List;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Annotated methods of a bean the container proxies (an AspectJ around advice) register, and the advice runs. */
class ProxiedBeanIntegrationTests extends AbstractWampIntegrationTests {

    @Autowired
    CountedService service;

    @Autowired
    CallCountingAspect aspect;

    @AllSerializers
    void procedureOfProxiedBeanRunsThroughTheAdvice(String serializer) {
        assertThat(AopUtils.isAopProxy(service)).as("the bean is proxied").isTrue();
        TestWampClient client = join(serializer);
        int before = aspect.calls("twice");
        assertThat(client.callForValue("test.counted.twice", 21)).isEqualTo(42L);
        assertThat(aspect.calls("twice")).isEqualTo(before + 1);
    }

    @AllSerializers
    void topicOfProxiedBeanRunsThroughTheAdvice(String serializer) {
        TestWampClient client = join(serializer);
        int before = aspect.calls("onEvent");
        String token = "counted-" + serializer;
        client.publishAcknowledged("test.counted.topic", List.of(token), null);
        await().atMost(Duration.ofSeconds(10)).until(() -> service.received(token));
        assertThat(aspect.calls("onEvent")).isEqualTo(before + 1);
    }
}
