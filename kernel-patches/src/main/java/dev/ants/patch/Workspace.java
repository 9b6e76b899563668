package dev.ants.patch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tree as a simulated run has changed it so far, in memory. Steps read and replace whole files
 * here; nothing touches the disk until every step has succeeded.
 */
final class Workspace {
    /** One touched file: its current lines (null = absent), mode and what changed it. */
    static final class State {
        List<String> lines;
        int mode;
        final Set<String> sources = new LinkedHashSet<>();
        final List<PatchReport.HunkReport> hunks = new ArrayList<>();
        int added;
        int removed;

        State copy() {
            State c = new State();
            c.lines = lines;
            c.mode = mode;
            c.sources.addAll(sources);
            c.hunks.addAll(hunks);
            c.added = added;
            c.removed = removed;
            return c;
        }
    }

    /** A saved point to return to when a variant of a patch does not apply. */
    record Mark(Map<String, State> touched, long distance, int choices) {
    }

    private final TreeReader reader;
    private final Map<String, State> touched = new LinkedHashMap<>();
    private final List<PatchReport.VariantReport> choices = new ArrayList<>();
    private long distance;

    Workspace(TreeReader reader) {
        this.reader = reader;
    }

    TreeReader reader() {
        return reader;
    }

    /** The file's current lines, or null when it does not exist (now). */
    List<String> lines(String rel) {
        State s = touched.get(rel);
        if (s != null) return s.lines;
        TreeReader.Snapshot snap = reader.read(rel);
        return snap.exists() ? Lines.split(snap.content()) : null;
    }

    /** Records a step's new content for {@code rel}; {@code modeIfCreated} applies when the step creates it. */
    State put(String rel, List<String> lines, int modeIfCreated, String source) {
        State s = touched.computeIfAbsent(rel, r -> new State());
        TreeReader.Snapshot original = reader.read(rel);
        if (original.exists()) {
            s.mode = original.mode();
        } else if (s.lines == null && lines != null) {
            s.mode = modeIfCreated;
        }
        s.lines = lines;
        s.sources.add(source);
        return s;
    }

    void addDistance(long d) {
        distance += Math.abs(d);
    }

    /** Sum of |offset| over all hunks: how far the tree is from the one the patches were made on. */
    long distance() {
        return distance;
    }

    Map<String, State> touched() {
        return touched;
    }

    /** Lines are replaced, never changed in place, so copying the states is enough. */
    Mark mark() {
        Map<String, State> saved = new LinkedHashMap<>();
        for (Map.Entry<String, State> e : touched.entrySet()) saved.put(e.getKey(), e.getValue().copy());
        return new Mark(saved, distance, choices.size());
    }

    void reset(Mark m) {
        touched.clear();
        for (Map.Entry<String, State> e : m.touched().entrySet()) touched.put(e.getKey(), e.getValue().copy());
        distance = m.distance();
        choices.subList(m.choices(), choices.size()).clear();
    }

    /** Which variant of a patch with variants applied. */
    void chose(PatchReport.VariantReport v) {
        choices.add(v);
    }

    List<PatchReport.VariantReport> choices() {
        return choices;
    }
}
