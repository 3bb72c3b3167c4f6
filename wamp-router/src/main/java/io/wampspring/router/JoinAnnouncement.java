package io.wampspring.router;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import org.jspecify.annotations.Nullable;

/**
 * The announcements of one session's join and leave to the realm's listeners (meta events, metrics, application
 * events): each at most once, the leave only after the join, and a leave without a join never, with no lock held
 * while the listeners run.
 */
final class JoinAnnouncement {

    private static final int NOT_ANNOUNCED = 0;
    private static final int JOINING = 1;
    private static final int JOINED = 2;
    private static final int LEAVE_PENDING = 3;
    private static final int LEFT = 4;

    private static final VarHandle ANNOUNCED = VarHandles.field(MethodHandles.lookup(), "announced", int.class);

    /** NOT_ANNOUNCED to LEFT; compared and set through {@link #ANNOUNCED}, with no atomic object per session. */
    private volatile int announced = NOT_ANNOUNCED;
    /** The leave announcement that came while the join was being announced, run by the joining thread. */
    private volatile @Nullable Runnable pendingLeave;

    /**
     * Runs {@code announce} (the realm telling its listeners this session joined) unless the session has left already.
     * No lock is held meanwhile: a leave that comes while it runs is announced by this thread right after it, so
     * listeners hear of one session's join before its leave, without either waiting for the other.
     */
    void join(Runnable announce) {
        if (!ANNOUNCED.compareAndSet(this, NOT_ANNOUNCED, JOINING)) {
            return;
        }
        announce.run();
        if (!ANNOUNCED.compareAndSet(this, JOINING, JOINED)) {
            Runnable leave = pendingLeave;
            announced = LEFT;
            if (leave != null) {
                leave.run();
            }
        }
    }

    /** Runs {@code announce} (the realm telling its listeners this session left) if its join was announced. */
    void leave(Runnable announce) {
        while (true) {
            int current = announced;
            if (current == NOT_ANNOUNCED && ANNOUNCED.compareAndSet(this, NOT_ANNOUNCED, LEFT)) {
                return;
            }
            if (current == JOINING) {
                pendingLeave = announce;
                if (ANNOUNCED.compareAndSet(this, JOINING, LEAVE_PENDING)) {
                    return; // the joining thread announces it when it is done
                }
            }
            if (current == JOINED && ANNOUNCED.compareAndSet(this, JOINED, LEFT)) {
                announce.run();
                return;
            }
            if (current == LEAVE_PENDING || current == LEFT) {
                return;
            }
        }
    }
}
