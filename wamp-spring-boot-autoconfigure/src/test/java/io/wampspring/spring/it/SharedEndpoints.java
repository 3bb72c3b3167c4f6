package io.wampspring.spring.it;

import io.wampspring.spring.annotation.Invoke;
import io.wampspring.spring.annotation.WampProcedure;
import org.springframework.stereotype.Component;

/** A shared (round-robin) registration and a single one, which remote callees may try to join. */
@Component
public class SharedEndpoints {

    @WampProcedure(value = "com.test.shared.roundrobin", invoke = Invoke.ROUNDROBIN)
    public String roundRobin() {
        return "spring";
    }

    @WampProcedure("com.test.shared.single")
    public String single() {
        return "spring";
    }
}
