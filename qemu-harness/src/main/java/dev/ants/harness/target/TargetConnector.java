package dev.ants.harness.target;

import dev.ants.core.AntsException;
import dev.ants.harness.console.Console;
import dev.ants.harness.console.SerialPortConsole;
import dev.ants.harness.console.TcpConsole;
import dev.ants.harness.expect.ConsoleSession;

import java.io.IOException;
import java.nio.file.Path;

/** Opens a {@link TargetSpec}: connects its serial console and wires its power commands. */
public final class TargetConnector {
    private TargetConnector() {
    }

    /**
     * @param transcript where the console is written with timestamps (may be null)
     * @param options    the session's timeouts and failure patterns
     */
    public static HardwareTarget open(TargetSpec spec, Path transcript, ConsoleSession.Options options) {
        Console console;
        try {
            if (spec.tcp() != null) {
                int colon = spec.tcp().lastIndexOf(':');
                console = new TcpConsole(spec.tcp().substring(0, colon), Integer.parseInt(spec.tcp().substring(colon + 1)), 10_000);
            } else {
                console = new SerialPortConsole(spec.serial(), spec.baud());
            }
        } catch (IOException | RuntimeException e) {
            throw AntsException.environment("cannot open the console of " + spec.name() + " (" + spec.consoleAddress() + "): "
                    + e.getMessage(), "check the cable or the serial server, and " + spec.source());
        }
        try {
            ConsoleSession session = new ConsoleSession(console, transcript, options);
            PowerProtocol power = spec.power().ask() ? new AskPower(spec.name())
                    : new CommandPower(spec.power().on(), spec.power().off(), spec.power().cycle(), spec.power().offTime());
            return new HardwareTarget(spec.name(), session, power);
        } catch (IOException e) {
            throw AntsException.environment("cannot start the console session of " + spec.name() + ": " + e.getMessage(),
                    "check that " + transcript + " is writable");
        }
    }
}
