package dev.ants.harness.scenario;

import dev.ants.harness.expect.FailurePattern;
import dev.ants.harness.expect.Severity;
import dev.ants.harness.target.Capability;

import java.time.Duration;

/** One scenario step. {@code timeout} null means the scenario's default; {@code name} null means none given. */
public sealed interface Step {
    String name();

    /** How the step appears in reports: its name, or its action. */
    String describe();

    /** The capability the target needs for this step, or null; a target without it skips the step. */
    default Capability requires() {
        return null;
    }

    record Expect(String regex, Duration timeout, String name) implements Step {
        public String describe() { return name != null ? name : "expect '" + regex + "'"; }
    }

    /** Raw text to the console; {@code paced} waits for the echo of each chunk. */
    record Send(String text, boolean paced, String name) implements Step {
        public String describe() { return name != null ? name : "send " + printable(text); }
    }

    /**
     * A shell command whose status (null: success) and output (a regex, null: anything) are checked;
     * with {@code checks}, each output line {@code ok NAME}, {@code FAIL NAME: why} or {@code skip NAME: why}
     * is a check of its own (see {@link Check}).
     */
    record Run(String command, String status, String output, Duration timeout, String name, boolean checks) implements Step {
        public Run(String command, String status, String output, Duration timeout, String name) {
            this(command, status, output, timeout, name, false);
        }

        public String describe() { return name != null ? name : "run '" + command + "'"; }
    }

    record FailOn(String regex, Severity severity, String name) implements Step {
        public String describe() { return name != null ? name : "fail-on '" + regex + "'"; }

        public FailurePattern toPattern() {
            return FailurePattern.of(name != null ? name : "fail-on '" + regex + "'", regex, severity);
        }
    }

    /** A power cycle: QMP system_reset for QEMU, the lab's power commands for a real machine. */
    record Reboot(String name) implements Step {
        public String describe() { return name != null ? name : "reboot"; }
    }

    record Snapshot(String tag, String name) implements Step {
        public String describe() { return name != null ? name : "snapshot " + tag; }
        public Capability requires() { return Capability.SNAPSHOT; }
    }

    record Restore(String tag, String name) implements Step {
        public String describe() { return name != null ? name : "restore " + tag; }
        public Capability requires() { return Capability.SNAPSHOT; }
    }

    /** Unplugs a device by its QEMU id (e.g. nic0) while the guest runs. */
    record DeviceDel(String id, String name) implements Step {
        public String describe() { return name != null ? name : "device-del " + id; }
        public Capability requires() { return Capability.DEVICE_DEL; }
    }

    record Sleep(Duration duration, String name) implements Step {
        public String describe() { return name != null ? name : "sleep " + duration.toMillis() / 1000.0 + " s"; }
    }

    static String printable(String s) {
        return "'" + s.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t") + "'";
    }
}
