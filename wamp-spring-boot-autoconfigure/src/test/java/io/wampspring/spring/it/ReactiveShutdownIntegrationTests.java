package io.wampspring.spring.it;

/** {@link ShutdownIntegrationTests} on the reactive transport (Reactor Netty). */
@ReactiveTransport
class ReactiveShutdownIntegrationTests extends ShutdownIntegrationTests {
}
