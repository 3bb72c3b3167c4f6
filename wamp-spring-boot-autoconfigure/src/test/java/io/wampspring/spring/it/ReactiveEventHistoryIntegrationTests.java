package io.wampspring.spring.it;

/** {@link EventHistoryIntegrationTests} on the reactive transport (Reactor Netty). */
@ReactiveTransport
class ReactiveEventHistoryIntegrationTests extends EventHistoryIntegrationTests {
}
