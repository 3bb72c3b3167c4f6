package io.wampspring.autoconfigure;

/** The in-process sessions of annotated endpoints and WampTemplate. */
public class WampLocalSessionProperties {

    /** Authid of the application's in-process sessions. */
    private String authid = "spring";

    /** Authrole of the application's in-process sessions. */
    private String authrole = "trusted";

    /** Events an annotated subscriber may have waiting before further events for it are dropped. */
    private int eventBacklog = 10_000;

    public String getAuthid() {
        return authid;
    }

    public void setAuthid(String authid) {
        this.authid = authid;
    }

    public String getAuthrole() {
        return authrole;
    }

    public void setAuthrole(String authrole) {
        this.authrole = authrole;
    }

    public int getEventBacklog() {
        return eventBacklog;
    }

    public void setEventBacklog(int eventBacklog) {
        this.eventBacklog = eventBacklog;
    }
}
