package dev.ants.harness.console;

import dev.ants.core.AntsException;
import dev.ants.harness.expect.ConsoleSession;
import dev.ants.harness.scenario.Target;

import java.io.IOException;

/**
 * A real machine as a scenario target: its serial console (a {@link SerialPortConsole} or
 * {@link TcpConsole} in a session) and its power control. Real machines cannot be snapshotted.
 */
public final class HardwareTarget implements Target {
    private final ConsoleSession session;
    private final PowerControl power;

    public HardwareTarget(ConsoleSession session, PowerControl power) {
        this.session = session;
        this.power = power;
    }

    @Override
    public ConsoleSession session() {
        return session;
    }

    @Override
    public void reboot() throws IOException, InterruptedException {
        power.reset();
    }

    @Override
    public void snapshot(String tag) {
        throw AntsException.badInput("snapshot: a real machine cannot be snapshotted", "remove snapshot steps for hardware runs");
    }

    @Override
    public void restore(String tag) {
        throw AntsException.badInput("restore: a real machine cannot be restored", "remove restore steps for hardware runs");
    }

    @Override
    public String infrastructureProblem() {
        return session.closed() ? "the serial console went away (" + "cable, ser2net or USB-UART)" : null;
    }
}
