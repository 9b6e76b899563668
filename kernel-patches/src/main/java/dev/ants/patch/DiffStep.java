package dev.ants.patch;

import java.util.ArrayList;
import java.util.List;

/** Applies one series entry (all its file patches) to the workspace. */
final class DiffStep implements Step {
    private static final int SHOWN_LINES = 12;

    private final String name;
    private final List<FilePatch> files;
    private final String range;
    private final boolean reverse;

    /** The entry's own diff; its variants, if any, are a {@link VariantStep}'s business. */
    DiffStep(PatchSet.Patch patch) {
        this(patch.name(), patch.files(), patch.range(), false);
    }

    private DiffStep(String name, List<FilePatch> files, String range, boolean reverse) {
        this.name = name;
        this.files = files;
        this.range = range;
        this.reverse = reverse;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Step inverse() {
        List<FilePatch> inv = new ArrayList<>(files.size());
        // Undo in the opposite order, in case one diff touches the same file twice.
        for (int i = files.size() - 1; i >= 0; i--) inv.add(files.get(i).reversed());
        return new DiffStep(name, inv, range, !reverse);
    }

    @Override
    public void apply(Workspace ws) throws StepConflict {
        for (FilePatch fp : files) applyFile(ws, fp);
    }

    private void applyFile(Workspace ws, FilePatch fp) throws StepConflict {
        String path = fp.path();
        String what = (reverse ? "reversing patch " : "patch ") + name
                + (range.isEmpty() ? "" : " (" + Series.writtenFor(range) + ")");
        if (fp.oldPath() != null && fp.newPath() != null && !fp.oldPath().equals(fp.newPath())) {
            throw new StepConflict(path, what + " renames " + fp.oldPath() + " to " + fp.newPath()
                    + ", which is not supported");
        }
        List<String> current = ws.lines(path);
        if (fp.creates() && current != null) {
            throw new StepConflict(path, what + " creates " + path + ", but the tree already has that file");
        }
        if (!fp.creates() && current == null) {
            throw new StepConflict(path, what + " changes " + path + ", but the tree has no such file");
        }
        HunkApplier.Result r;
        try {
            r = HunkApplier.apply(current == null ? List.of() : current, fp.hunks());
        } catch (HunkApplier.Conflict c) {
            throw new StepConflict(path, describe(what, path, c));
        }
        List<String> result = r.lines();
        if (fp.deletes() && !result.isEmpty()) {
            throw new StepConflict(path, what + " deletes " + path + ", but the file has "
                    + result.size() + " more lines than the patch removes");
        }
        Workspace.State s = ws.put(path, fp.deletes() ? null : result, PatchSet.DEFAULT_MODE, name);
        for (int i = 0; i < fp.hunks().size(); i++) {
            Hunk h = fp.hunks().get(i);
            int off = r.offsets().get(i);
            s.hunks.add(new PatchReport.HunkReport(name, h.header(), off));
            s.added += h.added();
            s.removed += h.removed();
            ws.addDistance(off);
        }
    }

    private static String describe(String what, String path, HunkApplier.Conflict c) {
        StringBuilder sb = new StringBuilder();
        sb.append(what).append(" does not apply to ").append(path).append(": hunk ").append(c.hunkIndex + 1)
                .append(' ').append(c.hunk.header()).append(" expected these lines at line ")
                .append(c.expectedAt + 1).append(" (or anywhere after the previous hunk):\n");
        quote(sb, c.hunk.oldLines());
        if (c.nearest >= 0) {
            sb.append("but the closest match, at line ").append(c.nearest + 1).append(", reads:\n");
        } else {
            sb.append("but the tree has there:\n");
        }
        quote(sb, c.found);
        List<String> exp = c.hunk.oldLines();
        for (int i = 0; i < Math.min(exp.size(), c.found.size()); i++) {
            if (!exp.get(i).equals(c.found.get(i))) {
                int at = (c.nearest >= 0 ? c.nearest : c.expectedAt) + i + 1;
                sb.append("first difference at line ").append(at).append(": expected \"")
                        .append(Lines.display(exp.get(i)).strip()).append("\", found \"")
                        .append(Lines.display(c.found.get(i)).strip()).append('"');
                break;
            }
        }
        return sb.toString().stripTrailing();
    }

    private static void quote(StringBuilder sb, List<String> lines) {
        if (lines.isEmpty()) sb.append("    (end of file)\n");
        for (int i = 0; i < lines.size() && i < SHOWN_LINES; i++) {
            sb.append("    |").append(Lines.display(lines.get(i))).append('\n');
        }
        if (lines.size() > SHOWN_LINES) sb.append("    | ... ").append(lines.size() - SHOWN_LINES).append(" more\n");
    }
}
