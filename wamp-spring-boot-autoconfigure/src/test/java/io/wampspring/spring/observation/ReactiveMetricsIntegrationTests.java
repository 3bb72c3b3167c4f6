package io.wampspring.spring.observation;

import io.wampspring.spring.it.ReactiveTransport;

/** {@link MetricsIntegrationTests} on the reactive transport (Reactor Netty). */
@ReactiveTransport
class ReactiveMetricsIntegrationTests extends MetricsIntegrationTests {
}
