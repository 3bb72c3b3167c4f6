package io.wampspring.sample;

import static java.util.concurrent.TimeUnit.MILLISECONDS;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

import io.wampspring.router.client.WampException;
import io.wampspring.spring.annotation.WampProcedure;
import io.wampspring.spring.binding.WampCaller;
import io.wampspring.spring.binding.WampProgress;
import io.wampspring.spring.core.CallOptions;
import io.wampspring.spring.core.WampTemplate;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Fulfils an order step by step and streams every step to the caller as a progressive result:
 * {@code session.call('com.shop.order.fulfil', [order], {}, {receive_progress: true})}. Halfway it asks the customer
 * whether to ship: a routed call from the backend to the browser that placed the order, which registered
 * {@code com.shop.ui.<its session id>.confirm} and answers true or false.
 * <p>
 * Nothing blocks a thread while the warehouse works or the customer thinks: the steps are chained futures, and the
 * method returns the one that completes with the final step.
 */
@Component
public class Fulfilment {

    static final String NOT_CONFIRMED = "com.shop.error.not_confirmed";

    private final WampTemplate wamp;
    private final Executor afterStepTime;
    private final Duration confirmTimeout;

    Fulfilment(WampTemplate wamp, @Value("${shop.fulfilment.step-time:700ms}") Duration stepTime,
            @Value("${shop.fulfilment.confirm-timeout:2m}") Duration confirmTimeout) {
        this.wamp = wamp;
        this.afterStepTime = CompletableFuture.delayedExecutor(stepTime.toMillis(), MILLISECONDS);
        this.confirmTimeout = confirmTimeout;
    }

    /** {@code discloseCaller}: the dealer tells this method who called, so it knows which browser to ask. */
    @WampProcedure(value = "com.shop.order.fulfil", discloseCaller = true)
    public CompletableFuture<Step> fulfil(OrderCreated order, @Nullable WampCaller customer,
            WampProgress<Step> progress) {
        if (customer == null) {
            throw new WampException("wamp.error.invalid_argument", "the caller must be disclosed");
        }
        String what = order.quantity() + " x " + order.item();
        return step(progress, "paid", "Payment authorised")
                .thenCompose(done -> step(progress, "picked", "Picked " + what + " from the shelf"))
                .thenCompose(done -> step(progress, "asked", "Waiting for your confirmation"))
                .thenCompose(done -> askCustomer(customer, order, "Ship " + what + " now?"))
                .thenCompose(confirmed -> confirmed
                        ? step(progress, "confirmed", "Confirmed by you")
                                .thenCompose(done -> step(progress, "packed", "Packed"))
                                .thenApplyAsync(done -> new Step("shipped", "Handed to the courier"), afterStepTime)
                        : CompletableFuture.completedFuture(new Step("cancelled", "Cancelled at your request")));
    }

    /** Does a step's work (here: waits a moment), then reports it to the caller as a progressive result. */
    private CompletableFuture<Void> step(WampProgress<Step> progress, String name, String text) {
        return CompletableFuture.runAsync(() -> progress.send(new Step(name, text)), afterStepTime);
    }

    /** Calls the procedure the customer's browser registered, through the dealer like any other call. */
    private CompletableFuture<Boolean> askCustomer(WampCaller customer, OrderCreated order, String question) {
        String procedure = "com.shop.ui." + customer.sessionId() + ".confirm";
        return wamp.call(procedure, List.of(order.orderId(), question), null,
                CallOptions.DEFAULTS.withTimeout(confirmTimeout)).handle((answer, failure) -> {
                    if (failure != null) {
                        Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                        String reason = cause instanceof WampException error ? error.uri() : String.valueOf(cause);
                        throw new WampException(NOT_CONFIRMED, List.of("no answer from the customer: " + reason),
                                Map.of("orderId", order.orderId()));
                    }
                    return Boolean.TRUE.equals(answer.firstArg());
                });
    }

    /** One step of an order's fulfilment: a short name and what happened. */
    public record Step(String name, String text) {
    }
}
