package dev.ants.harness.expect;

import dev.ants.core.AntsException;

/** How a guest shell reports a command's exit status, for {@code run} steps. */
public enum Shell {
    /** Plan 9 rc: $status is a string, empty on success. */
    RC("$status"),
    /** POSIX sh, ash, bash: $? is a number, 0 on success. */
    SH("$?");

    public final String statusVariable;

    Shell(String statusVariable) {
        this.statusVariable = statusVariable;
    }

    public static Shell parse(String s) {
        if (s == null) return SH;
        return switch (s.trim()) {
            case "rc" -> RC;
            case "sh", "ash", "bash", "posix" -> SH;
            default -> throw AntsException.badInput("unknown shell '" + Printable.of(s) + "'", "use rc or sh");
        };
    }

    public boolean success(String status) {
        return this == RC ? status.isEmpty() : status.equals("0");
    }
}
