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
    private volatile Flow.@Nullable Subscription subscription;
    private @Nullable Object held;
    private boolean holding;
    /** Guarded by this: the call was canceled; an item being sent; the subscription still to cancel after it. */
    private boolean canceled;
    private boolean sending;
    private boolean cancelAfterSend;

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
            // A publisher may interrupt the thread that delivers its items when it is canceled from another thread
            // (Reactor does), and an interrupt that lands while that thread sends a progressive result loses the
            // caller's connection. While an item is being sent, its thread cancels the subscription itself after
            // the send.
            boolean cancelNow;
            synchronized (this) {
                canceled = true;
                cancelAfterSend = sending;
                cancelNow = !sending;
            }
            if (cancelNow) {
                subscription.cancel();
            }
            result.cancel(false);
        });
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(@Nullable Object item) {
        Object previous;
        boolean send;
        synchronized (this) {
            if (canceled) {
                return;
            }
            // one item behind: only the completion tells which item is the last
            previous = held;
            send = holding;
            held = item;
            holding = true;
            sending = send;
        }
        if (!send) {
            return;
        }
        try {
            control.progress(previous);
        }
        catch (RuntimeException ex) {
            // an item that cannot be converted fails the call: thrown from onNext it would reach the publisher's
            // thread (Reactor logs and drops it on a scheduler) and the caller would wait forever
            synchronized (this) {
                canceled = true;
                cancelAfterSend = true;
            }
            result.completeExceptionally(ex);
        }
        finally {
            boolean cancelNow;
            synchronized (this) {
                sending = false;
                cancelNow = cancelAfterSend;
                cancelAfterSend = false;
            }
            Flow.Subscription current = subscription;
            if (cancelNow && current != null) {
                current.cancel();
            }
        }
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
