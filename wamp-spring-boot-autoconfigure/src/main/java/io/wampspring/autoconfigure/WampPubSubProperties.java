package io.wampspring.autoconfigure;

import java.util.ArrayList;
import java.util.List;

/** How the broker treats publications, in every realm. */
public class WampPubSubProperties {

    /**
     * Topics whose publications are kept for wamp.subscription.get_events (event history), each with a bound:
     * a limit of events per topic, a max age, or both. When several entries match a topic, the best one
     * applies (exact, else the longest prefix, else the best wildcard). Publications that name sessions
     * (eligible, exclude) are never kept. Each entry has: topic (URI, or pattern for prefix and wildcard matching),
     * match (exact, prefix or wildcard; default exact), limit (events kept per topic, 0 for no bound by count;
     * default 0) and max-age (0 for no bound by age; default 0).
     */
    private List<WampProperties.EventHistory> eventHistory = new ArrayList<>();

    public List<WampProperties.EventHistory> getEventHistory() {
        return eventHistory;
    }

    public void setEventHistory(List<WampProperties.EventHistory> eventHistory) {
        this.eventHistory = eventHistory;
    }
}
