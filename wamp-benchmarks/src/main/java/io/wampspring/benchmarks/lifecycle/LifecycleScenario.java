package io.wampspring.benchmarks.lifecycle;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/** The session set-up and failure-detection scenarios. */
public enum LifecycleScenario {

    /**
     * Sessions opened and closed per second: each of N connections runs HELLO, WELCOME, GOODBYE, GOODBYE one after
     * the other, on a fresh WebSocket connection per session unless {@link ChurnMode} says otherwise.
     */
    CHURN("churn"),

    /** A callee waited on by callers closes its TCP connection without a close frame: time to the callers' ERROR. */
    CALLEE_DROP_FIN("callee-drop-fin"),

    /** As {@link #CALLEE_DROP_FIN}, with a RST (SO_LINGER 0) instead of a FIN. */
    CALLEE_DROP_RST("callee-drop-rst");

    private final String id;

    LifecycleScenario(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The scenario of this id, or null when it is none of these. */
    public static @Nullable LifecycleScenario find(@Nullable String id) {
        return Arrays.stream(values()).filter(scenario -> scenario.id.equals(id)).findFirst().orElse(null);
    }

    static String ids() {
        return Arrays.stream(values()).map(LifecycleScenario::id).collect(Collectors.joining("|"));
    }
}
