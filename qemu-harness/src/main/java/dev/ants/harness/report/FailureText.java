package dev.ants.harness.report;

/** A failed test case as text: the message, the console excerpt, the artifacts (JUnit bodies, failures/*.txt). */
public final class FailureText {
    private FailureText() {
    }

    public static String of(TestCaseResult c) {
        StringBuilder b = new StringBuilder();
        b.append(c.model()).append(" › ").append(c.name()).append(": ").append(c.message()).append('\n');
        if (!c.excerpt().isEmpty()) {
            b.append("\nconsole:\n");
            c.excerpt().forEach(l -> b.append("  ").append(l).append('\n'));
        }
        if (!c.artifacts().isEmpty()) {
            b.append("\nartifacts:\n");
            c.artifacts().forEach((k, v) -> b.append("  ").append(k).append(": ").append(v).append('\n'));
        }
        return b.toString();
    }
}
