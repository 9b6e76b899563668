package dev.ants.core.cleanup;

import sun.misc.Signal;

/**
 * SIGTERM (a CI job cancelled, a service stop) ends ants like Ctrl-C: the contract's exit code 130 for
 * an interruption, after the clean-up hooks ran. The JVM's own default for SIGTERM would be 143.
 */
public final class Signals {
    public static final int INTERRUPTED = 130;

    private Signals() {
    }

    @SuppressWarnings("sunapi")
    public static void exitOnInterrupt() {
        for (String name : new String[] {"TERM", "INT", "HUP"}) {
            try {
                Signal.handle(new Signal(name), s -> System.exit(INTERRUPTED));
            } catch (IllegalArgumentException unavailable) {
                // a signal this platform or JVM (-Xrs) reserves: keep its default
            }
        }
    }
}
