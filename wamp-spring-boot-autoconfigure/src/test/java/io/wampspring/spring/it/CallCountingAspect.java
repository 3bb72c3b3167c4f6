package io.wampspring.spring.it;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;

/** Around advice on every method of {@link CountedService}: counts calls per method name. */
@Aspect
public class CallCountingAspect {

    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    @Around("execution(* io.wampspring.spring.it.CountedService.*(..))")
    public Object count(ProceedingJoinPoint joinPoint) throws Throwable {
        calls.computeIfAbsent(joinPoint.getSignature().getName(), name -> new AtomicInteger()).incrementAndGet();
        return joinPoint.proceed();
    }

    public int calls(String method) {
        AtomicInteger count = calls.get(method);
        return count != null ? count.get() : 0;
    }
}
