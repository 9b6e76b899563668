package dev.ants.harness.target;

import java.io.IOException;
import java.util.Set;

/**
 * A machine a scenario runs on: console and power are protocols every target speaks; QEMU
 * ({@code qemu.QemuMachine}) and real PCs ({@link HardwareTarget}) are drivers behind them, as in
 * labgrid. Anything more is a {@link Capability} the target has or lacks; asking for one it lacks
 * throws {@link MissingCapability}.
 */
public interface Target extends ConsoleProtocol, PowerProtocol {
    /** What this target can do beyond console and power. */
    Set<Capability> capabilities();

    /** For reports and skip reasons, e.g. "QEMU pc-virtio" or "pc at tcp:lab:7001". */
    String describe();

    default boolean can(Capability c) {
        return capabilities().contains(c);
    }

    /** Saves the whole running machine under {@code tag}. */
    default void snapshot(String tag) throws IOException, InterruptedException {
        throw new MissingCapability(Capability.SNAPSHOT, describe());
    }

    /** Returns the running machine to snapshot {@code tag}. */
    default void restore(String tag) throws IOException, InterruptedException {
        throw new MissingCapability(Capability.SNAPSHOT, describe());
    }

    /** Unplugs the device with QEMU id {@code id}. */
    default void deviceDel(String id) throws IOException, InterruptedException {
        throw new MissingCapability(Capability.DEVICE_DEL, describe());
    }

    /**
     * When the console has closed: why, if the cause is infrastructure (QEMU crashed or was killed, the
     * serial server went away) rather than the guest powering off; null otherwise.
     */
    String infrastructureProblem();
}
