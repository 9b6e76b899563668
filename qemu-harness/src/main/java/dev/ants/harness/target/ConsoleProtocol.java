package dev.ants.harness.target;

import dev.ants.harness.expect.ConsoleSession;

/** A machine's serial console, as an expect session (labgrid's ConsoleProtocol). */
public interface ConsoleProtocol {
    ConsoleSession session();
}
