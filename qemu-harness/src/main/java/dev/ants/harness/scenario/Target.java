package dev.ants.harness.scenario;

import dev.ants.harness.expect.ConsoleSession;

import java.io.IOException;

/** A machine a scenario runs on: QEMU, or real hardware behind a serial console and power control. */
public interface Target {
    ConsoleSession session();

    /** A hard reset of the machine (QMP system_reset, or a power cycle). */
    void reboot() throws IOException, InterruptedException;

    /** Saves the whole machine state under {@code tag}; machines that cannot say so. */
    void snapshot(String tag) throws IOException, InterruptedException;

    void restore(String tag) throws IOException, InterruptedException;

    /**
     * Runs a QMP command, then waits up to {@code timeout} for {@code event} (null: no wait); its
     * "return" value as JSON text. Machines without QMP say so (bad input: the scenario asks too much).
     */
    default String qmp(String command, java.util.Map<String, Object> arguments, String event, java.time.Duration timeout)
            throws IOException, InterruptedException {
        throw dev.ants.core.AntsException.badInput("qmp " + command + ": this machine has no QMP (not a QEMU guest)",
                "remove qmp steps for hardware runs");
    }

    /**
     * When the console has closed: why, if the cause is infrastructure (QEMU crashed or was killed) rather
     * than the guest powering off; null otherwise.
     */
    String infrastructureProblem();
}
