package io.wampspring.router.client;

import io.wampspring.router.message.Event;

/** Receives the events of one subscription of a {@link LocalSession}, one at a time and in order. */
@FunctionalInterface
public interface EventHandler {

    void onEvent(Event event) throws Exception;
}
