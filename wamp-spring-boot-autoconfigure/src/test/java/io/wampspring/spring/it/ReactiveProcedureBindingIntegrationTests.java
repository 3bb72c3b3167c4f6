package io.wampspring.spring.it;

/** {@link ProcedureBindingIntegrationTests} on the reactive transport (Reactor Netty). */
@ReactiveTransport
class ReactiveProcedureBindingIntegrationTests extends ProcedureBindingIntegrationTests {
}
