package io.wampspring.spring.core;

/** How a call is canceled when its future is cancelled (CANCEL.Options.mode). */
public enum CancelMode {

    /** The caller stops waiting; the callee is not told and its answer is dropped. */
    SKIP("skip"),
    /** The callee is interrupted; the call ends with its answer (the future is already cancelled). */
    KILL("kill"),
    /** The callee is interrupted and the call ends at once. */
    KILLNOWAIT("killnowait");

    private final String wireName;

    CancelMode(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
