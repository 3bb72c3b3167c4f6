package io.wampspring.spring.invocation;

import java.util.function.Consumer;

import io.wampspring.router.client.LocalInvocation;
import io.wampspring.spring.binding.WampCallControl;
import org.jspecify.annotations.Nullable;

/** The call control of an annotated procedure, over the router's local invocation. */
final class LocalCallControl implements WampCallControl {

    private final LocalInvocation invocation;
    private final ResultConverter results;

    LocalCallControl(LocalInvocation invocation, ResultConverter results) {
        this.invocation = invocation;
        this.results = results;
    }

    @Override
    public boolean receivesProgress() {
        return invocation.receivesProgress();
    }

    @Override
    public boolean progress(@Nullable Object value) {
        return invocation.receivesProgress() && invocation.progress(results.toPayload(value));
    }

    @Override
    public @Nullable String cancelMode() {
        return invocation.cancelMode();
    }

    @Override
    public void onCancel(Consumer<String> listener) {
        invocation.onCancel(listener);
    }
}
