package dev.ants.harness.run;

import dev.ants.core.AntsException;
import dev.ants.harness.Snapshot;
import dev.ants.harness.qemu.QemuMachine;
import dev.ants.harness.qemu.RunLayout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Saved running machines. Saving takes QEMU's internal snapshot (savevm) of a run, stops QEMU and moves
 * the run's qcow2 files (overlay, VM-state disk, UEFI variables) into the snapshot directory. A resumed
 * run gets copies of them, so one snapshot can be resumed any number of times and never changes.
 */
public final class SnapshotStore {
    private SnapshotStore() {
    }

    /** Saves {@code m} as {@code tag} in {@code dir}; QEMU is stopped afterwards. */
    public static Snapshot save(QemuMachine m, RunLayout layout, Path dir, String tag, String model)
            throws IOException, InterruptedException {
        m.snapshot(tag);
        m.close(); // QEMU flushes and releases the files
        Files.createDirectories(dir);
        List<String> files = new ArrayList<>();
        for (Path f : List.of(layout.diskOverlay(), layout.vmstate(), layout.ovmfVars())) {
            if (Files.exists(f)) {
                Files.move(f, dir.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                files.add(f.getFileName().toString());
            }
        }
        return new Snapshot(dir, tag, model, List.copyOf(files));
    }

    /** Copies the snapshot's files into a new run; it must have been made on the same model. */
    public static void restoreInto(Snapshot s, RunLayout layout, String model) throws IOException {
        if (!s.model().equals(model)) {
            throw AntsException.badInput("snapshot " + s.dir() + " was made on model " + s.model() + ", not " + model,
                    "resume it on the same model, or make a snapshot per model");
        }
        for (String f : s.files()) Files.copy(s.dir().resolve(f), layout.dir().resolve(f), StandardCopyOption.COPY_ATTRIBUTES);
    }
}
