package dev.ants.it;

import dev.ants.core.tree.NineFrontTree;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Only our own code in the repository: every C-like file we commit (*.c, *.h, the files of our C
 * layer, the lines a kernel patch adds as a new file) is compared with the C of the 9front tree
 * ANTS_9FRONT_TREE, and none may share more than 8 non-trivial lines with any one tree file.
 * Lines are compared with whitespace squeezed; lines under 16 characters, comments and #includes are
 * trivial. Skips without a tree.
 */
class OwnCodeTest {
    private static final int MAX_SHARED = 8;
    private static final int MIN_LENGTH = 16;
    private static final List<String> TREE_DIRS = List.of("sys/src/cmd/mk", "sys/src/cmd/cc", "sys/src/cmd/6c",
            "sys/src/cmd/8c", "sys/src/cmd/rc", "sys/src/libc", "sys/src/lib9p", "sys/src/9/port", "sys/include",
            "386/include", "amd64/include");

    @Test
    void noFileSharesMoreThanEightLinesWithATreeFile() throws Exception {
        Path tree = NineFrontTree.fromEnvironment();
        assumeTrue(tree != null, "set ANTS_9FRONT_TREE to a 9front checkout to compare our C with the tree's");
        Path repo = repositoryRoot();
        Map<String, Set<String>> ours = new LinkedHashMap<>();
        for (String f : trackedFiles(repo)) {
            Path p = repo.resolve(f);
            if (!Files.isRegularFile(p)) continue;
            if (f.endsWith(".c") || f.endsWith(".h") || f.startsWith("hostbuild/src/main/c/")) {
                ours.put(f, lines(Files.readString(p, StandardCharsets.ISO_8859_1)));
            } else if (f.startsWith("kernel-patches/") && f.endsWith(".diff") && f.contains("new-file")) {
                StringBuilder added = new StringBuilder();
                for (String l : Files.readAllLines(p, StandardCharsets.ISO_8859_1)) {
                    if (l.startsWith("+") && !l.startsWith("+++")) added.append(l, 1, l.length()).append('\n');
                }
                ours.put(f, lines(added.toString()));
            }
        }
        assertTrue(ours.containsKey("hostbuild/src/main/c/lib9/sys9.c"), "the comparison sees our C layer: " + ours.keySet());
        Map<String, Set<String>> theirs = treeFiles(tree);
        assertTrue(theirs.size() > 100, "the tree's C was found under " + TREE_DIRS);
        List<String> bad = new ArrayList<>();
        for (Map.Entry<String, Set<String>> o : ours.entrySet()) {
            for (Map.Entry<String, Set<String>> t : theirs.entrySet()) {
                Set<String> shared = new HashSet<>(o.getValue());
                shared.retainAll(t.getValue());
                if (shared.size() > MAX_SHARED) {
                    bad.add(o.getKey() + " shares " + shared.size() + " lines with " + t.getKey() + ", e.g. "
                            + shared.stream().limit(3).toList());
                }
            }
        }
        assertTrue(bad.isEmpty(), "files of ours that follow a 9front file:\n" + String.join("\n", bad));
    }

    /** The non-trivial lines of a text: whitespace squeezed, long enough, not comments or #includes. */
    static Set<String> lines(String text) {
        Set<String> r = new HashSet<>();
        for (String l : text.split("\n")) {
            String s = l.replaceAll("\\s+", " ").strip();
            if (s.length() < MIN_LENGTH || s.startsWith("//") || s.startsWith("/*") || s.startsWith("*")
                    || s.startsWith("#include")) {
                continue;
            }
            r.add(s);
        }
        return r;
    }

    private static Map<String, Set<String>> treeFiles(Path tree) throws IOException {
        Map<String, Set<String>> r = new LinkedHashMap<>();
        for (String d : TREE_DIRS) {
            Path dir = tree.resolve(d);
            if (!Files.isDirectory(dir)) continue;
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.filter(Files::isRegularFile).toList()) {
                    String n = p.getFileName().toString();
                    if (n.endsWith(".c") || n.endsWith(".h") || n.equals("compat") || n.equals("mkfile")) {
                        r.put(tree.relativize(p).toString(), lines(Files.readString(p, StandardCharsets.ISO_8859_1)));
                    }
                }
            }
        }
        return r;
    }

    /** The checkout this test runs in: Maven runs it from it-tests/. */
    static Path repositoryRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve(".git"))) p = p.getParent();
        assumeTrue(p != null, "not in a git checkout: the files to compare are the repository's tracked files");
        return p;
    }

    static List<String> trackedFiles(Path repo) throws IOException, InterruptedException {
        Process git = new ProcessBuilder("git", "-C", repo.toString(), "ls-files").redirectErrorStream(true).start();
        String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(git.waitFor(60, TimeUnit.SECONDS) && git.exitValue() == 0, "git ls-files failed: " + out);
        return List.of(out.split("\n"));
    }
}
