package dev.ants.cli.doctor;

/**
 * One host dependency and whether this machine has it.
 *
 * @param need    "required" (the pipeline fails without it), "tests" (the test suites need it) or "optional"
 * @param pkg     the Debian package that provides it, or null when no package does
 */
public record Check(String name, boolean ok, String need, String detail, String pkg) {
    public boolean required() {
        return need.equals("required");
    }
}
