package dev.ants.hostbuild;

import dev.ants.core.AntsException;
import dev.ants.core.ExitCode;
import dev.ants.core.FileTrees;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/**
 * The bootstrap's private copy of the tree files it compiles, with host-tools.yaml's edits applied,
 * so the user's tree is only ever read. An edit whose text is not there exactly once stops the build,
 * naming the file, the edit and the revisions it was written for.
 */
final class StagedTree {
    private StagedTree() {
    }

    static void stage(Path tree, Collection<String> paths, List<HostToolList.Edit> edits, Path src) throws IOException {
        for (String rel : paths) {
            Path to = src.resolve(rel);
            Files.createDirectories(to.getParent());
            FileTrees.copyTree(tree.resolve(rel), to);
        }
        for (HostToolList.Edit e : edits) apply(e, src);
    }

    static void apply(HostToolList.Edit e, Path src) throws IOException {
        Path f = src.resolve(e.file());
        if (!Files.isRegularFile(f) && e.isOptional()) return;
        if (!Files.isRegularFile(f)) {
            throw new AntsException(ExitCode.BAD_INPUT, "cannot edit " + e.file() + " for the host: the tree has no such file",
                    "host-tools.yaml's edit (" + e.why() + ") was written for revisions " + e.revisions()
                            + "; this revision moved or removed the file");
        }
        String text = Files.readString(f, StandardCharsets.ISO_8859_1);
        if (e.append() != null) {
            Files.writeString(f, text + (text.endsWith("\n") ? "" : "\n") + e.append(), StandardCharsets.ISO_8859_1);
            return;
        }
        int at = text.indexOf(e.from());
        if (at < 0 && e.onlyWhereFound()) return;
        if (at < 0 || !e.everywhere() && text.indexOf(e.from(), at + 1) >= 0) {
            throw new AntsException(ExitCode.BAD_INPUT, "cannot adapt " + e.file() + " for gcc: the edit "
                    + e.describe() + " expects its text " + (e.everywhere() ? "at least" : "exactly") + " once, and this tree has it "
                    + (at < 0 ? "nowhere" : "more than once"),
                    "the edit was written for revisions " + e.revisions() + "; this revision differs, so "
                            + "host-tools.yaml needs an edit for it");
        }
        Files.writeString(f, text.replace(e.from(), e.to()), StandardCharsets.ISO_8859_1);
    }
}
