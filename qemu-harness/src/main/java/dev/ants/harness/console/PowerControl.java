package dev.ants.harness.console;

import java.io.IOException;

/** Switches a machine on, off, or resets it: QMP for QEMU, configurable commands for real hardware. */
public interface PowerControl {
    void on() throws IOException, InterruptedException;

    void off() throws IOException, InterruptedException;

    /** A hard reset; the default is a power cycle. */
    default void reset() throws IOException, InterruptedException {
        off();
        on();
    }
}
