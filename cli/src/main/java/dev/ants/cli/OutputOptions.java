package dev.ants.cli;

import dev.ants.core.Json;
import dev.ants.core.progress.Progress;
import dev.ants.core.progress.ProgressSink;
import picocli.CommandLine.Option;

/** Options every command shares: machine-readable output and quietness. */
public final class OutputOptions {
    @Option(names = "--json", description = "Print a machine-readable JSON summary on stdout.")
    public boolean json;

    @Option(names = {"-q", "--quiet"}, description = "No progress output; errors only.")
    public boolean quiet;

    private Progress root;

    /** The command's progress tree; it goes to stderr, so --json stdout stays clean. */
    public Progress progress() {
        if (root == null) root = Progress.root(ProgressSink.forStderr(quiet), "ants");
        return root;
    }

    /** Prints {@code summary} as JSON when --json was given, else {@code human} (unless null). */
    public void print(Object summary, String human) {
        if (json) {
            System.out.println(Json.write(summary));
        } else if (human != null && !human.isEmpty()) {
            System.out.println(human);
        }
    }
}
