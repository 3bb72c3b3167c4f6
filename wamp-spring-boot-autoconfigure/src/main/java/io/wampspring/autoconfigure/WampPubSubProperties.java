package io.wampspring.autoconfigure;

import java.util.ArrayList;
import java.util.List;

/** How the broker treats publications, in every realm. */
public class WampPubSubProperties {

    /**
     * Topics whose publications are kept for wamp.subscription.get_events (event history), each with a bound:
     * a limit of events per topic, a max age, or both. When several entries match a topic, the best one
     * applies (exact, else the longest prefix, else the best wildcard). Publications that name sessions
     * (eligible, exclude) are never kept.
     */
    private List<WampProperties.EventHistory> eventHistory = new ArrayList<>();

    public List<WampProperties.EventHistory> getEventHistory() {
        return eventHistory;
    }

    public void setEventHistory(List<WampProperties.EventHistory> eventHistory) {
        this.eventHistory = eventHistory;
    }
}
