package io.wampspring.spring.invocation;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

import io.wampspring.router.message.Payload;
import io.wampspring.spring.binding.WampCallControl;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Flow.Publisher} returned by a procedure: every item but the last is a progressive result, the last is the
 * final result (none: an empty result). A caller that did not ask for progress gets the last item only; a canceled
 * call cancels the subscription.
 */
final class StreamedResult implements Flow.Subscriber<@Nullable Object> {

    private final WampCallControl control;
    private final ResultConverter results;
    private final CompletableFuture<Payload> result = new CompletableFuture<>();
    private @Nullable Object held;
    private boolean holding;
    private Flow.@Nullable Subscription subscription;

    private StreamedResult(WampCallControl control, ResultConverter results) {
        this.control = control;
        this.results = results;
    }

    static CompletableFuture<Payload> of(Flow.Publisher<?> publisher, WampCallControl control,
            ResultConverter results) {
        StreamedResult subscriber = new StreamedResult(control, results);
        @SuppressWarnings("unchecked")
        Flow.Publisher<@Nullable Object> items = (Flow.Publisher<@Nullable Object>) publisher;
        items.subscribe(subscriber);
        return subscriber.result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        control.onCancel(mode -> {
            subscription.cancel();
            result.cancel(false);
        });
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(@Nullable Object item) {
        if (result.isDone()) {
            return;
        }
        // one item behind: only the completion tells which item is the last
        if (holding) {
            try {
                control.progress(held);
            }
            catch (RuntimeException ex) {
                // an item that cannot be converted fails the call: thrown from onNext it would reach the publisher's
                // thread (Reactor logs and drops it on a scheduler) and the caller would wait forever
                Flow.Subscription current = subscription;
                if (current != null) {
                    current.cancel();
                }
                result.completeExceptionally(ex);
                return;
            }
        }
        held = item;
        holding = true;
    }

    @Override
    public void onError(Throwable failure) {
        result.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        try {
            result.complete(holding ? results.toPayload(held) : Payload.EMPTY);
        }
        catch (RuntimeException ex) {
            result.completeExceptionally(ex);
        }
    }
}
