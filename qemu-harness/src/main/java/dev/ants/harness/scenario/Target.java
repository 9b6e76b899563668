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
     * When the console has closed: why, if the cause is infrastructure (QEMU crashed or was killed) rather
     * than the guest powering off; null otherwise.
     */
    String infrastructureProblem();
}
