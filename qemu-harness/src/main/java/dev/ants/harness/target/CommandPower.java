package dev.ants.harness.target;

import dev.ants.core.AntsException;
import dev.ants.core.host.HostProcess;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Power control for real hardware through the lab's own commands (a PDU script, ipmitool, a relay
 * board, usbrelay ...), each run with {@code sh -c}. A null cycle command means "off, wait, on".
 */
public final class CommandPower implements PowerProtocol {
    private final String onCommand;
    private final String offCommand;
    private final String resetCommand;
    private final Duration offTime;

    public CommandPower(String onCommand, String offCommand, String resetCommand, Duration offTime) {
        this.onCommand = onCommand;
        this.offCommand = offCommand;
        this.resetCommand = resetCommand;
        this.offTime = offTime == null ? Duration.ofSeconds(2) : offTime;
    }

    @Override
    public void on() throws IOException, InterruptedException {
        run(onCommand, "power on");
    }

    @Override
    public void off() throws IOException, InterruptedException {
        run(offCommand, "power off");
    }

    @Override
    public void cycle() throws IOException, InterruptedException {
        if (resetCommand != null) {
            run(resetCommand, "power cycle");
            return;
        }
        off();
        Thread.sleep(offTime.toMillis());
        on();
    }

    private static void run(String command, String what) throws IOException, InterruptedException {
        if (command == null) throw AntsException.badInput("no " + what + " command configured", "set it in the lab configuration");
        HostProcess.Result r = HostProcess.run(List.of("sh", "-c", command), Duration.ofSeconds(60));
        if (!r.ok()) {
            throw AntsException.environment(what + " command failed (status " + r.status() + "): " + r.tail(3), "check: " + command);
        }
    }
}
