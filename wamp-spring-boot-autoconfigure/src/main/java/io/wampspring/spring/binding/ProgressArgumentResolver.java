package io.wampspring.spring.binding;

import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;

/** Injects a {@link WampProgress} bound to the call into procedure methods. */
final class ProgressArgumentResolver implements WampArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == WampProgress.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, WampInvocationContext context) {
        WampCallControl control = context instanceof WampCallContext call ? call.control() : WampCallControl.NONE;
        return new WampProgress<@Nullable Object>() {
            @Override
            public boolean send(@Nullable Object value) {
                return control.progress(value);
            }

            @Override
            public boolean isRequested() {
                return control.receivesProgress();
            }
        };
    }
}
