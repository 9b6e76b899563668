package dev.ants.core.pipeline;

import dev.ants.core.progress.Progress;

/**
 * One job of the pipeline (tree → patch → build → image → boot/test → flash), in the manner of Jib's
 * builder steps: a class named verb + noun ({@code BuildKernelStep}) whose inputs come through its
 * constructor and whose result is the return value of {@link #run}.
 */
public interface Step<T> {
    /** Short lower-case description shown as the step's progress name, e.g. "build kernel 9pc64". */
    String description();

    /** Runs the step, reporting on {@code progress}, a node the runner made for this step alone. */
    T run(Progress progress) throws Exception;
}
