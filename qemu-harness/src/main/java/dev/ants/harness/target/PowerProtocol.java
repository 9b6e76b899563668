package dev.ants.harness.target;

import java.io.IOException;

/**
 * Switches a machine on, off, or cycles it (labgrid's PowerProtocol): QMP for QEMU, the lab's commands
 * for a real machine ({@link CommandPower}).
 */
public interface PowerProtocol {
    void on() throws IOException, InterruptedException;

    void off() throws IOException, InterruptedException;

    /** A hard reset; the default is off, then on. */
    default void cycle() throws IOException, InterruptedException {
        off();
        on();
    }
}
