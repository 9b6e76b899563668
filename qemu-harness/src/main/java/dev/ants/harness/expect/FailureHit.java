package dev.ants.harness.expect;

/** A failure pattern seen on the console: which, how bad, the console line, seconds since the session began. */
public record FailureHit(String pattern, Severity severity, String line, double atSeconds) {
}
