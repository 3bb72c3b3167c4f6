package io.wampspring.spring.core;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Options of a publication, as PUBLISH.Options. Start from {@link #DEFAULTS} and change what you need:
 * <ul>
 * <li>{@code acknowledge}: the broker confirms, and the returned future carries the publication id or the broker's
 * error;</li>
 * <li>{@code excludeMe} (default true): the event does not reach the publishing session itself;</li>
 * <li>{@code discloseMe}: subscribers learn the publisher's session id, authid and authrole
 * (EVENT.Details {@code publisher}, {@code publisher_authid}, {@code publisher_authrole});</li>
 * <li>{@code retain}: the broker keeps the event as the topic's retained event, for subscribers that ask for it;</li>
 * <li>{@code exclude}, {@code excludeAuthid}, {@code excludeAuthrole}: subscribers that do not get the event, by
 * session id, authid or authrole;</li>
 * <li>{@code eligible}, {@code eligibleAuthid}, {@code eligibleAuthrole}: the only subscribers that may get it.</li>
 * </ul>
 * A list that is null is not sent at all; an empty one is sent as it is (an empty {@code eligible} list means
 * nobody). Any other option can be passed with {@link #with(String, Object)}.
 */
public record PublishOptions(boolean acknowledge, boolean excludeMe, boolean discloseMe, boolean retain,
        @Nullable List<Long> exclude, @Nullable List<String> excludeAuthid, @Nullable List<String> excludeAuthrole,
        @Nullable List<Long> eligible, @Nullable List<String> eligibleAuthid,
        @Nullable List<String> eligibleAuthrole, Map<String, Object> others) {

    public static final PublishOptions DEFAULTS = new PublishOptions(false, true, false, false, null, null, null,
            null, null, null, Map.of());

    public PublishOptions {
        exclude = copy(exclude);
        excludeAuthid = copy(excludeAuthid);
        excludeAuthrole = copy(excludeAuthrole);
        eligible = copy(eligible);
        eligibleAuthid = copy(eligibleAuthid);
        eligibleAuthrole = copy(eligibleAuthrole);
        others = Map.copyOf(others);
    }

    private static <T> @Nullable List<T> copy(@Nullable Collection<T> values) {
        return values != null ? List.copyOf(values) : null;
    }

    public PublishOptions withAcknowledge(boolean value) {
        return new PublishOptions(value, excludeMe, discloseMe, retain, exclude, excludeAuthid, excludeAuthrole,
                eligible, eligibleAuthid, eligibleAuthrole, others);
    }

    public PublishOptions withExcludeMe(boolean value) {
        return new PublishOptions(acknowledge, value, discloseMe, retain, exclude, excludeAuthid, excludeAuthrole,
                eligible, eligibleAuthid, eligibleAuthrole, others);
    }

    public PublishOptions withDiscloseMe(boolean value) {
        return new PublishOptions(acknowledge, excludeMe, value, retain, exclude, excludeAuthid, excludeAuthrole,
                eligible, eligibleAuthid, eligibleAuthrole, others);
    }

    public PublishOptions withRetain(boolean value) {
        return new PublishOptions(acknowledge, excludeMe, discloseMe, value, exclude, excludeAuthid, excludeAuthrole,
                eligible, eligibleAuthid, eligibleAuthrole, others);
    }

    /** Session ids that do not get the event; null for no list. */
    public PublishOptions withExclude(@Nullable Collection<Long> sessionIds) {
        return new PublishOptions(acknowledge, excludeMe, discloseMe, retain, copy(sessionIds), excludeAuthid,
                excludeAuthrole, eligible, eligibleAuthid, eligibleAuthrole, others);
    }

    /** Authids whose sessions do not get the event; null for no list. */
    public PublishOptions withExcludeAuthid(@Nullable Collection<String> authids) {
        return new PublishOptions(acknowledge, excludeMe, discloseMe, retain, exclude, copy(authids),
                excludeAuthrole, eligible, eligibleAuthid, eligibleAuthrole, others);
    }

    /** Authroles whose sessions do not get the event; null for no list. */
    public PublishOptions withExcludeAuthrole(@Nullable Collection<String> authroles) {
        return new PublishOptions(acknowledge, excludeMe, discloseMe, retain, exclude, excludeAuthid,
                copy(authroles), eligible, eligibleAuthid, eligibleAuthrole, others);
    }

    /** The only session ids that may get the event; null for no list, empty for nobody. */
    public PublishOptions withEligible(@Nullable Collection<Long> sessionIds) {
        return new PublishOptions(acknowledge, excludeMe, discloseMe, retain, exclude, excludeAuthid,
                excludeAuthrole, copy(sessionIds), eligibleAuthid, eligibleAuthrole, others);
    }

    /** The only authids whose sessions may get the event; null for no list, empty for nobody. */
    public PublishOptions withEligibleAuthid(@Nullable Collection<String> authids) {
        return new PublishOptions(acknowledge, excludeMe, discloseMe, retain, exclude, excludeAuthid,
                excludeAuthrole, eligible, copy(authids), eligibleAuthrole, others);
    }

    /** The only authroles whose sessions may get the event; null for no list, empty for nobody. */
    public PublishOptions withEligibleAuthrole(@Nullable Collection<String> authroles) {
        return new PublishOptions(acknowledge, excludeMe, discloseMe, retain, exclude, excludeAuthid,
                excludeAuthrole, eligible, eligibleAuthid, copy(authroles), others);
    }

    /** Any other option, passed as given (the options above have methods of their own). */
    public PublishOptions with(String option, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(others);
        more.put(option, value);
        return new PublishOptions(acknowledge, excludeMe, discloseMe, retain, exclude, excludeAuthid,
                excludeAuthrole, eligible, eligibleAuthid, eligibleAuthrole, more);
    }

    /** The PUBLISH.Options dictionary; defaults and absent lists are left out, as clients do. */
    public Map<String, Object> toMap() {
        Map<String, Object> options = new LinkedHashMap<>(others);
        if (acknowledge) {
            options.put("acknowledge", true);
        }
        if (!excludeMe) {
            options.put("exclude_me", false);
        }
        if (discloseMe) {
            options.put("disclose_me", true);
        }
        if (retain) {
            options.put("retain", true);
        }
        putList(options, "exclude", exclude);
        putList(options, "exclude_authid", excludeAuthid);
        putList(options, "exclude_authrole", excludeAuthrole);
        putList(options, "eligible", eligible);
        putList(options, "eligible_authid", eligibleAuthid);
        putList(options, "eligible_authrole", eligibleAuthrole);
        return options;
    }

    private static void putList(Map<String, Object> options, String option, @Nullable List<?> values) {
        if (values != null) {
            options.put(option, values);
        }
    }
}
