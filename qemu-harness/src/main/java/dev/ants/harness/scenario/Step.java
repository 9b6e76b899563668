package dev.ants.harness.scenario;

import dev.ants.harness.expect.Severity;

import java.time.Duration;

/** One scenario step. {@code timeout} null means the scenario's default; {@code name} null means none given. */
public sealed interface Step {
    String name();

    /** How the step appears in reports: its name, or its action. */
    String describe();

    record Expect(String regex, Duration timeout, String name) implements Step {
        public String describe() { return name != null ? name : "expect '" + regex + "'"; }
    }

    /** Raw text to the console; {@code paced} waits for the echo of each chunk. */
    record Send(String text, boolean paced, String name) implements Step {
        public String describe() { return name != null ? name : "send " + printable(text); }
    }

    /** A shell command whose status (null: success) and output (a regex, null: anything) are checked. */
    record Run(String command, String status, String output, Duration timeout, String name) implements Step {
        public String describe() { return name != null ? name : "run '" + command + "'"; }
    }

    record FailOn(String regex, Severity severity, String name) implements Step {
        public String describe() { return name != null ? name : "fail-on '" + regex + "'"; }

        public dev.ants.harness.expect.FailurePattern toPattern() {
            return dev.ants.harness.expect.FailurePattern.of(name != null ? name : "fail-on '" + regex + "'", regex, severity);
        }
    }

    record Reboot(String name) implements Step {
        public String describe() { return name != null ? name : "reboot"; }
    }

    record Snapshot(String tag, String name) implements Step {
        public String describe() { return name != null ? name : "snapshot " + tag; }
    }

    record Restore(String tag, String name) implements Step {
        public String describe() { return name != null ? name : "restore " + tag; }
    }

    /**
     * A QMP command (e.g. device_del with {id: ...}); when {@code event} is set, the step also waits
     * for that QMP event (e.g. DEVICE_DELETED), since many commands only ask the guest.
     */
    record Qmp(String command, java.util.Map<String, Object> arguments, String event, Duration timeout, String name)
            implements Step {
        public String describe() {
            return name != null ? name : "qmp " + command + (arguments.isEmpty() ? "" : " " + arguments)
                    + (event != null ? " until " + event : "");
        }
    }

    record Sleep(Duration duration, String name) implements Step {
        public String describe() { return name != null ? name : "sleep " + duration.toMillis() / 1000.0 + " s"; }
    }

    static String printable(String s) {
        return "'" + s.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t") + "'";
    }
}
