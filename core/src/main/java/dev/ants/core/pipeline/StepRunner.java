package dev.ants.core.pipeline;

import dev.ants.core.AntsException;
import dev.ants.core.ExitCode;
import dev.ants.core.progress.Progress;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Runs steps, each under its own child of the caller's progress node. Failures that are not already
 * {@link AntsException}s are turned into one naming the step, so a user always learns where it broke.
 */
public final class StepRunner {
    private final Progress progress;

    public StepRunner(Progress progress) {
        this.progress = progress;
    }

    public Progress progress() {
        return progress;
    }

    public <T> T run(Step<T> step) {
        Progress p = progress.child(step.description());
        try {
            return step.run(p);
        } catch (AntsException | Error e) {
            p.fail();
            throw e;
        } catch (UncheckedIOException e) {
            p.fail();
            throw IoFailures.of(step.description(), e);
        } catch (InterruptedException e) {
            p.fail();
            Thread.currentThread().interrupt();
            throw new AntsException(ExitCode.INTERRUPTED, step.description() + ": interrupted", "");
        } catch (IOException e) {
            p.fail();
            throw IoFailures.of(step.description(), e);
        } catch (Exception e) {
            p.fail();
            throw bug(step, e);
        } finally {
            p.close();
        }
    }

    private static AntsException bug(Step<?> step, Exception e) {
        return new AntsException(ExitCode.ENVIRONMENT, step.description() + " failed: " + e,
                "this is a bug in ants if the message does not name a cause; please report it", e);
    }
}
