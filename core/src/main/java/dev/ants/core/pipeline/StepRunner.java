package dev.ants.core.pipeline;

import dev.ants.core.AntsException;
import dev.ants.core.ExitCode;
import dev.ants.core.progress.ProgressListener;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Runs steps one after another and reports each as a progress phase. Failures that are not already
 * {@link AntsException}s are turned into one naming the step, so a user always learns where it broke.
 */
public final class StepRunner {
    private final ProgressListener progress;

    public StepRunner(ProgressListener progress) {
        this.progress = progress;
    }

    public ProgressListener progress() {
        return progress;
    }

    public <T> T run(Step<T> step) {
        progress.phase(step.description(), 0);
        try {
            T result = step.run(progress);
            progress.endPhase();
            return result;
        } catch (AntsException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AntsException(ExitCode.INTERRUPTED, step.description() + ": interrupted", "");
        } catch (IOException | UncheckedIOException e) {
            throw new AntsException(ExitCode.ENVIRONMENT, step.description() + ": " + e, 
                    "check free disk space and permissions of the paths named", e);
        } catch (Exception e) {
            throw new AntsException(ExitCode.ENVIRONMENT, step.description() + " failed: " + e,
                    "this is a bug in ants if the message does not name a cause; please report it", e);
        }
    }
}
