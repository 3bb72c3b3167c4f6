package io.wampspring.sample;

import io.wampspring.spring.annotation.WampProcedure;
import org.springframework.stereotype.Component;

/** The classic first try: {@code session.call('com.example.add2', [2, 3])} gives 5. */
@Component
public class Calculator {

    @WampProcedure("com.example.add2")
    public long add2(long a, long b) {
        return a + b;
    }
}
