package dev.ants.flash.device;

import dev.ants.flash.Sizes;

import java.util.List;

/**
 * The device (or, with --force, the file) that passed the safety checks: what the confirmation shows
 * and what the writer needs (size, whether the kernel can zero ranges without data transfer).
 */
public record DeviceInfo(String path, boolean blockDevice, String name, long size, String model,
                         List<HostFacts.Block> partitions, long writeZeroesMax, int logicalBlock) {

    /** For the confirmation prompt: model, size and current partitions. */
    public String describe() {
        StringBuilder b = new StringBuilder(path);
        b.append(" (").append(model.isEmpty() ? (blockDevice ? "unknown model" : "a file") : model)
                .append(", ").append(Sizes.human(size)).append(')');
        if (!blockDevice) return b.toString();
        if (partitions.isEmpty()) {
            b.append(", no partitions");
        } else {
            b.append(", partitions:");
            for (HostFacts.Block p : partitions) b.append(' ').append(p.name()).append(" (").append(Sizes.human(p.bytes())).append(')');
        }
        return b.toString();
    }

    /** The kernel zeroes ranges itself (WRITE ZEROES, or a hole punched under a loop device). */
    public boolean zeroesInKernel() {
        return blockDevice && writeZeroesMax > 0;
    }
}
