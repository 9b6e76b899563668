package dev.ants.it.support;

import dev.ants.core.progress.Progress;
import dev.ants.core.progress.ProgressSink;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps the notes a pipeline run writes, so a test can assert what a step said it did (reused a build, say). */
public final class NoteRecorder implements ProgressSink {
    private final List<String> notes = new CopyOnWriteArrayList<>();

    public Progress root(String name) {
        return Progress.root(this, name);
    }

    public boolean any(String fragment) {
        return notes.stream().anyMatch(n -> n.contains(fragment));
    }

    public List<String> notes() {
        return List.copyOf(notes);
    }

    @Override public void started(Progress p) { }
    @Override public void advanced(Progress p) { }
    @Override public void note(Progress p, String message) { notes.add(message); }
    @Override public void finished(Progress p) { }
}
