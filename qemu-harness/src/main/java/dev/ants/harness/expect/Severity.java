package dev.ants.harness.expect;

/** What a failure pattern does when it shows up on the console. */
public enum Severity {
    /** Fail the run at once: the guest is dead (panic, exiting CPU). */
    FATAL,
    /** Mark the run failed but keep going, so later steps still report (e.g. a user trap in one program). */
    ERROR,
    /** Only recorded in the report. */
    WARN
}
