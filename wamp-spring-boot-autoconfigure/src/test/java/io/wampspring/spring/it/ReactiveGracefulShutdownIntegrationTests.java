package io.wampspring.spring.it;

/** {@link GracefulShutdownIntegrationTests} on the reactive transport (Reactor Netty). */
@ReactiveTransport
class ReactiveGracefulShutdownIntegrationTests extends GracefulShutdownIntegrationTests {
}
