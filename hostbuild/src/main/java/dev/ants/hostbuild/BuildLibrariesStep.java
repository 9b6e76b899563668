package dev.ants.hostbuild;

import dev.ants.core.pipeline.Step;
import dev.ants.core.progress.Progress;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds and installs the tree's libraries (the LIBS list of sys/src/mkfile) into /$objtype/lib
 * with their own mkfiles: the kernel links several, the boot programs most of the rest.
 */
final class BuildLibrariesStep implements Step<Void> {
    private final Path tree;
    private final MkRunner mk;

    BuildLibrariesStep(Path tree, MkRunner mk) {
        this.tree = tree;
        this.mk = mk;
    }

    @Override
    public String description() {
        return "build libraries";
    }

    /** The LIBS= list of sys/src/mkfile, so a new revision's libraries come along by themselves. */
    static List<String> libraries(Path tree) throws java.io.IOException {
        List<String> libs = new ArrayList<>();
        boolean in = false;
        for (String l : Files.readAllLines(tree.resolve("sys/src/mkfile"), StandardCharsets.ISO_8859_1)) {
            if (l.startsWith("LIBS=")) {
                in = true;
                continue;
            }
            if (!in) continue;
            String w = l.replace("\\", "").trim();
            if (w.isEmpty()) break;
            libs.add(w);
        }
        return libs;
    }

    @Override
    public Void run(Progress progress) throws Exception {
        List<String> libs = libraries(tree);
        progress.total(libs.size());
        int n = 0;
        for (String lib : libs) {
            mk.mk("/sys/src/" + lib, "install");
            progress.advance(++n, lib);
        }
        return null;
    }
}
