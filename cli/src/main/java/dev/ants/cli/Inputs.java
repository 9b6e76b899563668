package dev.ants.cli;

import dev.ants.core.AntsException;
import dev.ants.core.tree.NineFrontTree;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Validation of user-supplied paths, done before any work starts so bad input exits 2 with nothing
 * written. Each check names the path and the fix.
 */
public final class Inputs {
    private Inputs() {
    }

    /** --tree, falling back to ANTS_9FRONT_TREE, validated as a 9front checkout. */
    public static NineFrontTree tree(Path tree) {
        Path t = tree != null ? tree : NineFrontTree.fromEnvironment();
        if (t == null) {
            throw AntsException.badInput("no 9front tree given (--tree DIR, or ANTS_9FRONT_TREE)",
                    NineFrontTree.HOW_TO_GET_ONE);
        }
        return NineFrontTree.open(t);
    }

    /** An existing regular file the command reads. */
    public static Path existingFile(Path f, String what) {
        if (f == null || !Files.isRegularFile(f)) {
            throw AntsException.badInput(what + " " + f + " does not exist or is not a file", "check the path");
        }
        if (!Files.isReadable(f)) {
            throw AntsException.badInput(what + " " + f + " is not readable", "check its permissions");
        }
        return f.toAbsolutePath().normalize();
    }

    /** An output directory: may exist (then it must be a directory) or be creatable. */
    public static Path outputDir(Path d, String option) {
        if (d == null) throw AntsException.badInput(option + " DIR is required", "name an output directory");
        Path abs = d.toAbsolutePath().normalize();
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw AntsException.badInput(option + " " + abs + " exists and is not a directory", "name a directory");
        }
        requireWritableAncestor(abs, option);
        return abs;
    }

    /** An output file: its directory must be writable and it must not be a directory itself. */
    public static Path outputFile(Path f, String option) {
        if (f == null) throw AntsException.badInput(option + " FILE is required", "name an output file");
        Path abs = f.toAbsolutePath().normalize();
        if (Files.isDirectory(abs)) {
            throw AntsException.badInput(option + " " + abs + " is a directory", "name a file inside it");
        }
        requireWritableAncestor(abs, option);
        return abs;
    }

    private static void requireWritableAncestor(Path abs, String option) {
        Path p = abs.getParent();
        while (p != null && !Files.exists(p)) p = p.getParent();
        if (p == null || !Files.isDirectory(p)) {
            throw AntsException.badInput(option + " " + abs + ": no existing parent directory", "check the path");
        }
        boolean readOnly;
        try {
            readOnly = Files.getFileStore(p).isReadOnly();
        } catch (IOException e) {
            readOnly = false;
        }
        if (readOnly || !Files.isWritable(p)) {
            throw AntsException.badInput(option + " " + abs + " is not writable (" + p + " is read-only)",
                    "choose an output path in a writable directory");
        }
    }
}
