package dev.ants.harness.target;

import dev.ants.harness.model.HardwareModel;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A real PC as data (a target file, labgrid's idea of a board described in YAML): how to reach its
 * serial console, how to switch it, how an image reaches its disk, and the names 9front gives its
 * devices (scenarios read them as ${disk9}, ${nic9} as on a QEMU model).
 *
 * @param serial   a serial device on this host (USB-UART), or null
 * @param tcp      a TCP serial server (ser2net raw, a terminal server) as host:port, or null
 * @param disk     how the image reaches the PC's disk, or null when it is already in place
 */
public record TargetSpec(String name, Path source, HardwareModel model, String serial, int baud, String tcp, Power power,
                         Disk disk, Duration bootTimeout) {

    /** The lab's commands; {@code cycle} may be null (then off, {@code offTime}, on). */
    public record Power(String on, String off, String cycle, Duration offTime, boolean ask) {
    }

    /**
     * Where ants flash writes the image before a run: a block device of this host (a USB stick or SD
     * card in a reader) or, with {@code ssh}, of a flash station.
     */
    public record Disk(String device, String ssh, Path identity, Path knownHosts) {
    }

    /** For messages: the console's address. */
    public String consoleAddress() {
        return serial != null ? serial + " at " + baud + " baud" : "tcp:" + tcp;
    }
}
