package dev.ants.harness.target;

import dev.ants.harness.expect.ConsoleSession;

import java.io.IOException;
import java.util.Set;

/**
 * A real machine: its serial console (a {@code SerialPortConsole} or {@code TcpConsole} in a session)
 * and its power (e.g. {@link CommandPower}). It has no capabilities: steps that need a snapshot are
 * skipped with the reason.
 */
public final class HardwareTarget implements Target {
    private final String name;
    private final ConsoleSession session;
    private final PowerProtocol power;

    public HardwareTarget(String name, ConsoleSession session, PowerProtocol power) {
        this.name = name;
        this.session = session;
        this.power = power;
    }

    @Override
    public ConsoleSession session() {
        return session;
    }

    @Override
    public void on() throws IOException, InterruptedException {
        power.on();
    }

    @Override
    public void off() throws IOException, InterruptedException {
        power.off();
    }

    @Override
    public void cycle() throws IOException, InterruptedException {
        power.cycle();
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of();
    }

    @Override
    public String describe() {
        return "the real machine " + name;
    }

    @Override
    public String infrastructureProblem() {
        return session.closed() ? "the serial console of " + name + " went away (cable, ser2net or USB-UART)" : null;
    }
}
