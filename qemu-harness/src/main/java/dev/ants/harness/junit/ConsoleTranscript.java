package dev.ants.harness.junit;

/**
 * The console output of a failed test, attached to its failure as a suppressed exception so every
 * report (IDE, Surefire, CI) shows what the guest printed.
 */
public final class ConsoleTranscript extends RuntimeException {
    public ConsoleTranscript(String text) {
        super(text, null, false, false);
    }
}
