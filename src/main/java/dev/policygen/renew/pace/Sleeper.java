package dev.policygen.renew.pace;
import java.time.Duration;
/** Waits; tests substitute one that advances a clock instead. */
@FunctionalInterface
public interface Sleeper {
    Sleeper SYSTEM = duration -> Thread.sleep(Math.max(0, duration.toMillis()));
    void sleep(Duration duration) throws InterruptedException;
}
