package dev.ants.patch;

import dev.ants.core.AntsException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Decides what a run does. It simulates the requested direction and its opposite on the tree: if the
 * requested one works, that is the plan; if only the opposite works, the tree is already in the
 * requested state and nothing changes; if both work (possible only with far-moved hunks), the one
 * whose hunks sit nearer their recorded lines wins. If neither works, the error names the first
 * conflict, or says the tree is partly patched when some diffs are in and others are not.
 */
final class Planner {
    private Planner() {
    }

    static List<Step> steps(PatchSet set) {
        List<Step> steps = new ArrayList<>();
        for (PatchSet.Patch p : set.patches()) steps.add(p.variants().isEmpty() ? new DiffStep(p) : new VariantStep(p));
        for (PatchSet.NewFile f : set.newFiles()) steps.add(new FileStep(f));
        return steps;
    }

    static List<Step> inverse(List<Step> steps) {
        List<Step> inv = new ArrayList<>(steps.size());
        for (int i = steps.size() - 1; i >= 0; i--) inv.add(steps.get(i).inverse());
        return inv;
    }

    static Plan plan(TreeReader reader, PatchSet set, boolean reverse) {
        List<Step> forward = steps(set);
        List<Step> wanted = reverse ? inverse(forward) : forward;
        List<Step> undo = reverse ? forward : inverse(forward);
        Simulation go = Simulation.run(reader, wanted);
        Simulation back = Simulation.run(reader, undo);
        List<String> notes = new ArrayList<>();
        if (go.ok() && back.ok()) {
            notes.add("both applying and reversing the set would succeed on this tree; chose "
                    + (go.ws.distance() <= back.ws.distance() ? "the requested direction" : "\"already done\"")
                    + " because its hunks sit nearer their recorded lines");
        }
        if (go.ok() && (!back.ok() || go.ws.distance() <= back.ws.distance())) {
            return new Plan(false, changes(go.ws), reports(go.ws, false), notes, List.copyOf(go.ws.choices()));
        }
        if (back.ok()) {
            List<PatchReport.VariantReport> chosen = new ArrayList<>(back.ws.choices());
            Collections.reverse(chosen);  // the undo ran back to front
            return new Plan(true, List.of(), reports(back.ws, true), notes, chosen);
        }
        throw failure(reader, wanted, go, reverse);
    }

    private static AntsException failure(TreeReader reader, List<Step> wanted, Simulation go, boolean reverse) {
        // Judge each step alone: a mix of "in" and "not in" means the tree is partly patched.
        List<String> in = new ArrayList<>();
        List<String> out = new ArrayList<>();
        for (Step s : wanted) {
            if (Simulation.run(reader, List.of(s)).ok()) out.add(s.name());
            else if (Simulation.run(reader, List.of(s.inverse())).ok()) in.add(s.name());
        }
        String hint = "use a tree matching the revisions listed in kernel-patches/README.md, or update the patch set";
        if (!in.isEmpty() && !out.isEmpty()) {
            String done = reverse ? "already reversed" : "already applied";
            String todo = reverse ? "still applied" : "not applied yet";
            return AntsException.badInput("the tree " + reader.root() + " is partly patched: " + String.join(", ", in)
                    + " " + (in.size() == 1 ? "is " : "are ") + done + ", but " + String.join(", ", out)
                    + " " + (out.size() == 1 ? "is " : "are ") + todo + "; nothing was written",
                    "start from a clean tree (or a copy made before patching)");
        }
        return AntsException.badInput("the patch set does not apply to " + reader.root() + "; nothing was written\n"
                + go.conflict.getMessage(), hint);
    }

    private static List<Plan.Change> changes(Workspace ws) {
        List<Plan.Change> out = new ArrayList<>();
        for (Map.Entry<String, Workspace.State> e : ws.touched().entrySet()) {
            TreeReader.Snapshot before = ws.reader().read(e.getKey());
            Workspace.State s = e.getValue();
            byte[] after = s.lines == null ? null : Lines.join(s.lines);
            if (before.content() == null && after == null) continue;
            if (before.content() != null && after != null && Arrays.equals(before.content(), after)) continue;
            out.add(new Plan.Change(e.getKey(), before.content(), after, s.mode));
        }
        return out;
    }

    private static List<PatchReport.FileReport> reports(Workspace ws, boolean alreadyDone) {
        List<PatchReport.FileReport> out = new ArrayList<>();
        for (Map.Entry<String, Workspace.State> e : ws.touched().entrySet()) {
            Workspace.State s = e.getValue();
            boolean existed = ws.reader().read(e.getKey()).exists();
            String action;
            if (alreadyDone) action = "already";
            else if (!existed && s.lines != null) action = "created";
            else if (existed && s.lines == null) action = "deleted";
            else if (existed && !unchanged(ws, e.getKey(), s)) action = "modified";
            else continue;
            // For "already", the simulation ran the opposite way: added and removed swap back.
            int added = alreadyDone ? s.removed : s.added;
            int removed = alreadyDone ? s.added : s.removed;
            // "Already" hunks were found by undoing them, so their headers and offsets would mislead.
            out.add(new PatchReport.FileReport(e.getKey(), action, List.copyOf(s.sources),
                    alreadyDone ? List.of() : List.copyOf(s.hunks), added, removed));
        }
        if (alreadyDone) Collections.reverse(out);  // the undo ran back to front; report in set order
        return out;
    }

    private static boolean unchanged(Workspace ws, String path, Workspace.State s) {
        byte[] before = ws.reader().read(path).content();
        return before != null && s.lines != null && Arrays.equals(before, Lines.join(s.lines));
    }

    /** One simulated run of a step list against a fresh workspace. */
    private static final class Simulation {
        final Workspace ws;
        final StepConflict conflict;

        private Simulation(Workspace ws, StepConflict conflict) {
            this.ws = ws;
            this.conflict = conflict;
        }

        static Simulation run(TreeReader reader, List<Step> steps) {
            Workspace ws = new Workspace(reader);
            for (Step s : steps) {
                try {
                    s.apply(ws);
                } catch (StepConflict c) {
                    return new Simulation(ws, c);
                }
            }
            return new Simulation(ws, null);
        }

        boolean ok() {
            return conflict == null;
        }
    }
}
