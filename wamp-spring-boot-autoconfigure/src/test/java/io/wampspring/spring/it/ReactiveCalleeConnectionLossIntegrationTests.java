package io.wampspring.spring.it;

/** {@link CalleeConnectionLossIntegrationTests} on the reactive transport (Reactor Netty). */
@ReactiveTransport
class ReactiveCalleeConnectionLossIntegrationTests extends CalleeConnectionLossIntegrationTests {
}
