package io.wampspring.router;

import java.util.List;

/**
 * A procedure registration: immutable, replaced as a whole when its callees change, so a CALL reads a consistent
 * snapshot without a lock.
 *
 * @param match the match policy ({@code exact} for now; {@code prefix} and {@code wildcard} come with pattern-based
 *              registration)
 * @param invoke the invocation policy shared by all callees ({@code single} unless shared registration is used)
 */
public record Registration(long id, String uri, String match, String invoke, List<WampPeer> callees) {

    Registration withoutCallee(WampPeer callee) {
        return new Registration(id, uri, match, invoke,
                callees.stream().filter(peer -> peer != callee).toList());
    }
}
