package dev.ants.patch;

/** One unit of a patch set (a diff from the series, or one whole new file), and its inverse. */
interface Step {
    String name();

    void apply(Workspace ws) throws StepConflict;

    Step inverse();
}
