package dev.ants.patch;

import java.util.Arrays;
import java.util.List;

/**
 * Adds one whole file (from new/ or plan9rc) or, as the inverse, removes it again. An existing file is
 * never overwritten: the set could not restore it on --reverse.
 */
final class FileStep implements Step {
    private final PatchSet.NewFile file;
    private final boolean remove;

    FileStep(PatchSet.NewFile file) {
        this(file, false);
    }

    private FileStep(PatchSet.NewFile file, boolean remove) {
        this.file = file;
        this.remove = remove;
    }

    @Override
    public String name() {
        return file.source();
    }

    @Override
    public Step inverse() {
        return new FileStep(file, !remove);
    }

    @Override
    public void apply(Workspace ws) throws StepConflict {
        String path = file.path();
        List<String> current = ws.lines(path);
        boolean same = current != null && Arrays.equals(Lines.join(current), file.content());
        if (!remove) {
            if (current != null) {
                throw new StepConflict(path, file.source() + " would create " + path + ", but the tree already has "
                        + (same ? "it (with the same content)" : "a different file there"));
            }
            List<String> lines = Lines.split(file.content());
            Workspace.State s = ws.put(path, lines, file.mode(), file.source());
            s.added += lines.size();
        } else {
            if (current == null) {
                throw new StepConflict(path, "reversing " + file.source() + " removes " + path + ", but the tree has no such file");
            }
            if (!same) {
                throw new StepConflict(path, "reversing " + file.source() + " removes " + path
                        + ", but the file was changed since it was installed");
            }
            Workspace.State s = ws.put(path, null, file.mode(), file.source());
            s.removed += current.size();
        }
    }
}
