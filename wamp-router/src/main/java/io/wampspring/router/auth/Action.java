package io.wampspring.router.auth;

/** What a session asks to do with a URI. */
public enum Action {
    CALL, REGISTER, PUBLISH, SUBSCRIBE
}
