package io.wampspring.spring.it;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The application the integration tests run: auto-configuration plus the annotated endpoints under test. No
 * component scan, so only these beans take part.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import({BindingEndpoints.class, TopicEndpoints.class, PatternTopicEndpoints.class, CountedService.class,
        CallCountingAspect.class, BlockingEndpoint.class, PatternEndpoints.class, SharedEndpoints.class, CallerEndpoints.class,
        ProgressEndpoints.class, CancelEndpoints.class, ValueEndpoints.class})
public class WampTestApplication {
}
