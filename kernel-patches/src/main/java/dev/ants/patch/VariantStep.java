package dev.ants.patch;

import java.util.ArrayList;
import java.util.List;

/**
 * A series entry with variants for other revisions: tries them in order and applies the first that
 * fits the tree, recording which one it was. When none fits, the conflict names every variant, the
 * revisions it was written for, and why it did not apply.
 */
final class VariantStep implements Step {
    private final String name;
    private final List<DiffStep> variants;
    private final List<String> ranges;
    private final boolean reverse;

    VariantStep(PatchSet.Patch patch) {
        this(patch.name(), steps(patch), ranges(patch), false);
    }

    private VariantStep(String name, List<DiffStep> variants, List<String> ranges, boolean reverse) {
        this.name = name;
        this.variants = variants;
        this.ranges = ranges;
        this.reverse = reverse;
    }

    private static List<DiffStep> steps(PatchSet.Patch patch) {
        List<DiffStep> out = new ArrayList<>();
        for (PatchSet.Patch v : patch.tried()) out.add(new DiffStep(v));
        return out;
    }

    private static List<String> ranges(PatchSet.Patch patch) {
        return patch.tried().stream().map(PatchSet.Patch::range).toList();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Step inverse() {
        List<DiffStep> inv = new ArrayList<>();
        for (DiffStep d : variants) inv.add((DiffStep) d.inverse());
        return new VariantStep(name, inv, ranges, !reverse);
    }

    @Override
    public void apply(Workspace ws) throws StepConflict {
        List<StepConflict> failed = new ArrayList<>();
        for (int i = 0; i < variants.size(); i++) {
            Workspace.Mark m = ws.mark();
            try {
                variants.get(i).apply(ws);
                ws.chose(new PatchReport.VariantReport(name, variants.get(i).name(), ranges.get(i), i, variants.size()));
                return;
            } catch (StepConflict c) {
                ws.reset(m);
                failed.add(c);
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append("none of the ").append(variants.size()).append(" variants of ").append(name)
                .append(reverse ? " can be reversed on" : " applies to").append(" this tree:");
        for (int i = 0; i < variants.size(); i++) {
            String r = Series.writtenFor(ranges.get(i));
            sb.append("\n").append(variants.get(i).name()).append(r.isEmpty() ? "" : " (" + r + ")").append(": ")
                    .append(failed.get(i).getMessage().replace("\n", "\n  "));
        }
        throw new StepConflict(failed.get(0).file, sb.toString());
    }
}
