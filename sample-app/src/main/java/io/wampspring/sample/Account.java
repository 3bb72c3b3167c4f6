package io.wampspring.sample;

import java.util.Map;

import io.wampspring.spring.annotation.WampProcedure;
import io.wampspring.spring.binding.WampPrincipal;
import org.springframework.stereotype.Component;

/**
 * The {@code secure} realm's procedure: tells an authenticated caller who the router says it is. The registration
 * asks for the caller's identity, so the {@link WampPrincipal} parameter is always there.
 */
@Component
public class Account {

    @WampProcedure(value = "com.shop.account.whoami", realm = "secure", discloseCaller = true)
    public Map<String, Object> whoami(WampPrincipal caller) {
        return Map.of("authid", caller.authid(), "authrole", String.valueOf(caller.authrole()));
    }
}
