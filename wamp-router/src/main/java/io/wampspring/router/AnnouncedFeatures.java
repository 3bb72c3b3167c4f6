package io.wampspring.router;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The features a peer announced in HELLO.Details.roles, per role: only those announced as {@code true}, which is all
 * the router ever asks. Clients of one kind announce the same set, so a router keeps each distinct set once
 * ({@link Shared}) for every session that announced it, rather than each session holding its HELLO's parsed maps.
 *
 * @param byRole the announced features of each role that announced any
 */
record AnnouncedFeatures(Map<String, Set<String>> byRole) {

    AnnouncedFeatures {
        byRole = Map.copyOf(byRole);
    }

    /** The features {@code roles} (HELLO.Details.roles) announce; anything malformed announces nothing. */
    static AnnouncedFeatures parse(Map<?, ?> roles) {
        Map<String, Set<String>> byRole = new HashMap<>();
        roles.forEach((role, details) -> {
            if (role instanceof String name && details instanceof Map<?, ?> roleDetails
                    && roleDetails.get("features") instanceof Map<?, ?> features) {
                Set<String> announced = new HashSet<>();
                features.forEach((feature, value) -> {
                    if (feature instanceof String featureName && Boolean.TRUE.equals(value)) {
                        announced.add(featureName);
                    }
                });
                if (!announced.isEmpty()) {
                    byRole.put(name, Set.copyOf(announced));
                }
            }
        });
        return new AnnouncedFeatures(byRole);
    }

    /** Whether {@code feature} was announced for {@code role}. */
    boolean has(String role, String feature) {
        Set<String> features = byRole.get(role);
        return features != null && features.contains(feature);
    }

    /**
     * One router's distinct sets, each shared by the sessions that announced it. Bounded: past {@code max} sets (a
     * client making up features) each new session keeps its own, and the router retains nothing more.
     */
    static final class Shared {

        private final Map<Map<String, Set<String>>, AnnouncedFeatures> sets = new ConcurrentHashMap<>();
        private final int max;

        Shared(int max) {
            this.max = max;
        }

        /** The features {@code roles} announce, the instance shared with every session that announced the same. */
        AnnouncedFeatures of(Map<?, ?> roles) {
            AnnouncedFeatures features = parse(roles);
            AnnouncedFeatures shared = sets.get(features.byRole());
            if (shared != null || sets.size() >= max) {
                return shared != null ? shared : features;
            }
            shared = sets.putIfAbsent(features.byRole(), features);
            return shared != null ? shared : features;
        }

        int size() {
            return sets.size();
        }
    }
}
