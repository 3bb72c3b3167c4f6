package io.wampspring.router.client;

import java.util.concurrent.CompletionStage;

import io.wampspring.router.message.Payload;

/** Answers invocations of a procedure registered by a {@link LocalSession}. Runs on the session's executor. */
@FunctionalInterface
public interface InvocationHandler {

    /**
     * The result payload, or a stage failed with a {@link WampException} (other exceptions become runtime_error; a
     * canceled stage or an interrupted handler of a canceled invocation becomes {@code wamp.error.canceled}).
     */
    CompletionStage<Payload> invoke(LocalInvocation invocation) throws Exception;
}
