package io.wampspring.router;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;

/**
 * Counts the remote sessions of each realm and of each remote address, and admits a HELLO only while both are below
 * their {@link LimitsConfig limits}. A session holds its place from HELLO until it ends, however it ends (the session
 * gives its {@link Slot} back in its one final step), so an abrupt disconnect leaks nothing; an address's counter
 * leaves the map when it reaches zero, so the map holds only the addresses that have sessions.
 */
final class SessionAdmission {

    /** What HELLO gets: a place, or a refusal naming the limit. */
    sealed interface Decision permits Admitted, Refused {
    }

    /** Admitted: {@code slot} must be released when the session ends. */
    record Admitted(Slot slot) implements Decision {
    }

    /** Refused by {@code limit}, with a message for the ABORT. */
    record Refused(Limit limit, String message) implements Decision {
    }

    /** One session's place; released at most once, however often {@link #release} is called. */
    static final class Slot {

        private final AtomicBoolean released = new AtomicBoolean();
        private final Runnable release;

        Slot(Runnable release) {
            this.release = release;
        }

        void release() {
            if (released.compareAndSet(false, true)) {
                release.run();
            }
        }
    }

    private static final Admitted UNLIMITED = new Admitted(new Slot(() -> { }));

    private final int perRealm;
    private final int perAddress;
    private final ConcurrentHashMap<String, Integer> realms = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Integer> addresses = new ConcurrentHashMap<>();

    SessionAdmission(LimitsConfig limits) {
        this.perRealm = limits.sessionsPerRealm();
        this.perAddress = limits.sessionsPerAddress();
    }

    /** Takes a place in {@code realm} for a session from {@code remote} (null: an address we do not know). */
    Decision admit(String realm, @Nullable InetSocketAddress remote) {
        if (perRealm == 0 && perAddress == 0) {
            return UNLIMITED;
        }
        String address = perAddress > 0 && remote != null ? key(remote) : null;
        if (address != null && !take(addresses, address, perAddress)) {
            return new Refused(Limit.SESSIONS_PER_ADDRESS, "address " + address + " already has " + perAddress
                    + " sessions, the most allowed (wamp.limits.sessions-per-address)");
        }
        if (perRealm > 0 && !take(realms, realm, perRealm)) {
            if (address != null) {
                give(addresses, address);
            }
            return new Refused(Limit.SESSIONS_PER_REALM, "realm '" + realm + "' already has " + perRealm
                    + " sessions, the most allowed (wamp.limits.sessions-per-realm)");
        }
        return new Admitted(new Slot(() -> {
            if (perRealm > 0) {
                give(realms, realm);
            }
            if (address != null) {
                give(addresses, address);
            }
        }));
    }

    /** Sessions counted for {@code realm} now (for tests and the actuator). */
    int sessionsIn(String realm) {
        return realms.getOrDefault(realm, 0);
    }

    /** Sessions counted for the address of {@code remote} now. */
    int sessionsFrom(InetSocketAddress remote) {
        return addresses.getOrDefault(key(remote), 0);
    }

    /** Addresses that have sessions now: none is kept once its last session has gone. */
    int addressesCounted() {
        return addresses.size();
    }

    private static String key(InetSocketAddress remote) {
        InetAddress address = remote.getAddress();
        return address != null ? address.getHostAddress() : remote.getHostString();
    }

    /** Adds one to the key's count unless it is at the limit already; atomic per key. */
    private static boolean take(ConcurrentHashMap<String, Integer> counts, String key, int limit) {
        boolean[] taken = new boolean[1];
        counts.compute(key, (k, count) -> {
            int current = count != null ? count : 0;
            if (current >= limit) {
                return count;
            }
            taken[0] = true;
            return current + 1;
        });
        return taken[0];
    }

    /** Takes one off the key's count, and the key out of the map at zero. */
    private static void give(ConcurrentHashMap<String, Integer> counts, String key) {
        counts.computeIfPresent(key, (k, count) -> count > 1 ? count - 1 : null);
    }
}
