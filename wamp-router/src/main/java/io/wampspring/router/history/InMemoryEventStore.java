package io.wampspring.router.history;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import io.wampspring.router.match.MatchPolicy;
import org.jspecify.annotations.Nullable;

/**
 * The default {@link EventStore}: each topic's events in a deque of its own, behind a lock of its own, so publishers
 * of different topics never wait for each other and a topic's history never holds more than its rule allows, however
 * many publishers append at once. Events past their rule's max age are dropped when the topic is appended to or
 * read; a topic left without events is dropped too. The topics of a realm are kept sorted, so a prefix (or a wildcard
 * with a literal start) reads only the topics that start with it.
 */
public final class InMemoryEventStore implements EventStore {

    private static final Comparator<StoredEvent> BY_SEQUENCE = Comparator.comparingLong(StoredEvent::sequence);

    private final Clock clock;
    private final ConcurrentHashMap<String, RealmEvents> realms = new ConcurrentHashMap<>();

    public InMemoryEventStore() {
        this(Clock.systemUTC());
    }

    /** A store that judges the age of events by {@code clock}. */
    public InMemoryEventStore(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void append(StoredEvent event, HistoryRule rule) {
        RealmEvents realm = realms.computeIfAbsent(event.realm(), name -> new RealmEvents());
        realm.lastSequence.accumulateAndGet(event.sequence(), Math::max);
        Instant now = clock.instant();
        while (true) {
            TopicEvents topic = realm.topics.computeIfAbsent(event.topic(), TopicEvents::new);
            topic.lock.lock();
            try {
                if (topic.dropped) {
                    continue; // emptied and dropped by a reader meanwhile: the map has (or gets) a fresh one
                }
                topic.rule = rule;
                topic.insert(event);
                realm.byPublication.put(event.publication(), event);
                topic.trim(now, realm);
                return;
            }
            finally {
                topic.lock.unlock();
            }
        }
    }

    @Override
    public List<StoredEvent> query(HistoryQuery query) {
        RealmEvents realm = realms.get(query.realm());
        if (realm == null) {
            return List.of();
        }
        Instant now = clock.instant();
        int wanted = query.limit() == 0 ? Integer.MAX_VALUE : query.limit();
        List<StoredEvent> found = new ArrayList<>();
        for (TopicEvents topic : realm.select(query)) {
            topic.collect(query, now, wanted, found, realm);
        }
        found.sort(query.reverse() ? BY_SEQUENCE.reversed() : BY_SEQUENCE);
        return found.size() > wanted ? new ArrayList<>(found.subList(0, wanted)) : found;
    }

    @Override
    public @Nullable StoredEvent find(String realmName, long publication) {
        RealmEvents realm = realms.get(realmName);
        StoredEvent event = realm == null ? null : realm.byPublication.get(publication);
        TopicEvents topic = event == null ? null : realm.topics.get(event.topic());
        if (topic == null) {
            return null;
        }
        Instant now = clock.instant();
        topic.lock.lock();
        try {
            topic.trim(now, realm);
            Instant oldest = topic.oldestKept(now);
            StoredEvent kept = realm.byPublication.get(publication);
            return kept == null || (oldest != null && kept.timestamp().isBefore(oldest)) ? null : kept;
        }
        finally {
            topic.lock.unlock();
        }
    }

    @Override
    public long lastSequence(String realm) {
        RealmEvents events = realms.get(realm);
        return events == null ? 0 : events.lastSequence.get();
    }

    /**
     * How many events of a topic the store holds, as they are: never more than the rule's limit; expired ones until
     * the topic is next appended to or read.
     */
    public int size(String realmName, String topicUri) {
        RealmEvents realm = realms.get(realmName);
        TopicEvents topic = realm == null ? null : realm.topics.get(topicUri);
        if (topic == null) {
            return 0;
        }
        topic.lock.lock();
        try {
            return topic.events.size();
        }
        finally {
            topic.lock.unlock();
        }
    }

    /** How many topics of a realm have events kept (or had, until they expire and are next touched). */
    public int topicCount(String realm) {
        RealmEvents events = realms.get(realm);
        return events == null ? 0 : events.topics.size();
    }

    /** The history of one realm. */
    private static final class RealmEvents {

        /** Sorted, so the topics of a prefix are one range. */
        final ConcurrentSkipListMap<String, TopicEvents> topics = new ConcurrentSkipListMap<>();
        /** Every kept event by publication id; written under the lock of the event's topic. */
        final Map<Long, StoredEvent> byPublication = new ConcurrentHashMap<>();
        final AtomicLong lastSequence = new AtomicLong();

        /** The topics a query reads. */
        List<TopicEvents> select(HistoryQuery query) {
            if (query.topic() != null || query.match() == MatchPolicy.EXACT) {
                String uri = query.topic() != null ? query.topic() : query.uri();
                TopicEvents topic = topics.get(uri);
                return topic != null && query.selects(uri) ? List.of(topic) : List.of();
            }
            String start = query.match() == MatchPolicy.PREFIX ? query.uri() : literalStart(query.uri());
            List<TopicEvents> selected = new ArrayList<>();
            for (Map.Entry<String, TopicEvents> entry : topics.tailMap(start).entrySet()) {
                if (!entry.getKey().startsWith(start)) {
                    break;
                }
                if (query.selects(entry.getKey())) {
                    selected.add(entry.getValue());
                }
            }
            return selected;
        }

        /** What every topic a wildcard pattern matches starts with: the components before its first empty one. */
        private static String literalStart(String pattern) {
            if (pattern.startsWith(".")) {
                return "";
            }
            int wildcard = pattern.indexOf("..");
            return wildcard < 0 ? pattern : pattern.substring(0, wildcard + 1);
        }
    }

    /** One topic's events in sequence order, and the rule they were stored under. Guarded by {@link #lock}. */
    private static final class TopicEvents {

        final String topic;
        final ReentrantLock lock = new ReentrantLock();
        final ArrayDeque<StoredEvent> events = new ArrayDeque<>();
        @Nullable HistoryRule rule;
        /** Emptied and removed from the realm's map: appends go to a fresh instance. */
        boolean dropped;

        TopicEvents(String topic) {
            this.topic = topic;
        }

        /** Adds an event at its place in sequence order, which is the end unless a racing publisher got there first. */
        void insert(StoredEvent event) {
            StoredEvent last = events.peekLast();
            if (last == null || last.sequence() < event.sequence()) {
                events.addLast(event);
                return;
            }
            ArrayDeque<StoredEvent> later = new ArrayDeque<>();
            while (!events.isEmpty() && events.peekLast().sequence() > event.sequence()) {
                later.addFirst(events.pollLast());
            }
            events.addLast(event);
            events.addAll(later);
        }

        /** Drops the oldest events beyond the limit and every expired one; drops the topic itself once empty. */
        void trim(Instant now, RealmEvents realm) {
            HistoryRule current = rule;
            if (current != null && current.limit() > 0) {
                while (events.size() > current.limit()) {
                    forget(events.pollFirst(), realm);
                }
            }
            Instant oldest = oldestKept(now);
            while (oldest != null && !events.isEmpty() && events.peekFirst().timestamp().isBefore(oldest)) {
                forget(events.pollFirst(), realm);
            }
            if (events.isEmpty() && !dropped) {
                dropped = true;
                realm.topics.remove(topic, this);
            }
        }

        /**
         * The timestamp of the oldest event the rule keeps, or null if events do not expire. Events are in sequence
         * order, which is timestamp order but for publishers racing within a moment, so trimming from the head
         * drops what expired; a straggler behind a younger head is never returned and goes once it is the head.
         */
        @Nullable Instant oldestKept(Instant now) {
            HistoryRule current = rule;
            return current != null && current.expires() ? now.minus(current.maxAge()) : null;
        }

        private static void forget(StoredEvent event, RealmEvents realm) {
            realm.byPublication.remove(event.publication(), event);
        }

        /** Adds to {@code found} up to {@code wanted} events the query admits, from the end it reads from. */
        void collect(HistoryQuery query, Instant now, int wanted, List<StoredEvent> found, RealmEvents realm) {
            lock.lock();
            try {
                trim(now, realm);
                Instant oldest = oldestKept(now);
                Iterator<StoredEvent> events = query.reverse() ? this.events.descendingIterator()
                        : this.events.iterator();
                int taken = 0;
                while (taken < wanted && events.hasNext()) {
                    StoredEvent event = events.next();
                    if ((oldest == null || !event.timestamp().isBefore(oldest)) && query.admits(event)) {
                        found.add(event);
                        taken++;
                    }
                }
            }
            finally {
                lock.unlock();
            }
        }
    }
}
