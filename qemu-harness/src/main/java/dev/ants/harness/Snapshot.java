package dev.ants.harness;

import java.nio.file.Path;
import java.util.List;

/**
 * A saved running machine: the run's qcow2 files holding an internal snapshot {@code tag} (disk overlay,
 * VM-state disk, UEFI variables). A resumed run copies them into its own directory and starts QEMU with
 * {@code -loadvm tag}, so the snapshot itself is never changed and can be resumed any number of times.
 */
public record Snapshot(Path dir, String tag, String model, List<String> files) {
}
