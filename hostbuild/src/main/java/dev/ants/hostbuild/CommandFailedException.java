package dev.ants.hostbuild;

import dev.ants.core.AntsException;
import dev.ants.core.ExitCode;

import java.nio.file.Path;
import java.util.List;

/** A build command failed: says which command, in which directory, with the last lines of its output. */
final class CommandFailedException {
    private CommandFailedException() {
    }

    static AntsException of(String what, List<String> command, Path dir, String tail, String hint) {
        String msg = what + " failed: " + String.join(" ", command) + "\n  in " + dir
                + "\n  last lines of output:\n" + indent(tail);
        return new AntsException(ExitCode.ENVIRONMENT, msg, hint);
    }

    static String indent(String s) {
        StringBuilder b = new StringBuilder();
        for (String l : s.split("\n")) b.append("    ").append(l).append('\n');
        return b.toString();
    }
}
