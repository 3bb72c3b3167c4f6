package io.wampspring.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import io.wampspring.router.match.MatchPolicy;

/** One permission of a role ({@code wamp.realms[n].roles.<role>.permissions[k]}). */
public class WampPermissionProperties {

    /** URI the permission covers, or pattern for prefix and wildcard ("" with prefix: every URI but wamp.). */
    private String uri = "";

    /** How the URI is matched: exact, prefix or wildcard. */
    private MatchPolicy match = MatchPolicy.EXACT;

    /** Actions allowed on the URIs covered: call, register, publish, subscribe, or all. Empty: none (a denial). */
    private List<String> allow = new ArrayList<>();

    /** Whether the role's calls of these URIs disclose the caller to the callee, whatever the caller asks. */
    private boolean discloseCaller;

    /** Whether the role's publications to these URIs disclose the publisher to subscribers, whatever it asks. */
    private boolean disclosePublisher;

    public String getUri() {
        return uri;
    }

    public void setUri(String uri) {
        this.uri = uri;
    }

    public MatchPolicy getMatch() {
        return match;
    }

    public void setMatch(MatchPolicy match) {
        this.match = match;
    }

    public List<String> getAllow() {
        return allow;
    }

    public void setAllow(List<String> allow) {
        this.allow = allow;
    }

    public boolean isDiscloseCaller() {
        return discloseCaller;
    }

    public void setDiscloseCaller(boolean discloseCaller) {
        this.discloseCaller = discloseCaller;
    }

    public boolean isDisclosePublisher() {
        return disclosePublisher;
    }

    public void setDisclosePublisher(boolean disclosePublisher) {
        this.disclosePublisher = disclosePublisher;
    }
}
