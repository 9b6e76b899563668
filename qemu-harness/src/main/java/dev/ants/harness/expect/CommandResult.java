package dev.ants.harness.expect;

/** What a command run on the guest printed and its exit status as the shell reported it. */
public record CommandResult(String command, String output, String status, boolean success, long millis) {
}
