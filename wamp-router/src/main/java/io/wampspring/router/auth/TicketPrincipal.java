package io.wampspring.router.auth;

/**
 * A principal that authenticates with a ticket.
 *
 * @param authrole the role its sessions get
 * @param ticket the ticket as stored: the ticket itself, or a hash the verifier's {@link SecretMatcher} understands
 */
public record TicketPrincipal(String authrole, String ticket) {

    @Override
    public String toString() {
        return "TicketPrincipal[authrole=" + authrole + ", ticket=<hidden>]";
    }
}
