package dev.ants.patch;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * plan9rc/ without a 9front tree: every rc script (and every suite's) parses with Debian 9base's rc, every file is
 * installed, and everything installed into the boot paq's source directories is named by the paq's
 * proto hunk.
 */
class Plan9rcFilesTest {
    private static final Path RC = Path.of("/usr/lib/plan9/bin/rc");

    private static Path plan9rc() {
        String r = System.getenv("ANTS_REPO");
        return (r != null ? Path.of(r) : Path.of("..").toAbsolutePath().normalize()).resolve("plan9rc");
    }

    /** plan9rc's scripts, and the suites' (they run in the guest from the suite disk). */
    private static List<Path> rcScripts() throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Stream.concat(Files.walk(plan9rc()), Files.walk(plan9rc().resolveSibling("suites")))) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                byte[] b = Files.readAllBytes(p);
                if (new String(b, 0, Math.min(b.length, 9), StandardCharsets.UTF_8).equals("#!/bin/rc")) out.add(p);
            }
        }
        return out;
    }

    /**
     * Null when rc parses the file, else rc's complaint. 9base's rc has no -n, so the file becomes the
     * body of a function that is defined, never called, with an empty path in case a stray brace
     * ended the function early.
     */
    private static String rcSyntax(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(RC.toString()).redirectErrorStream(true).start();
        try (var in = p.getOutputStream()) {
            in.write("path=()\nfn plan9rccheck {\n".getBytes(StandardCharsets.UTF_8));
            in.write(Files.readAllBytes(file));
            in.write("\n}\n".getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return "rc did not finish";
        }
        return p.exitValue() == 0 && out.isBlank() ? null : out.trim() + " (exit " + p.exitValue() + ")";
    }

    @Test
    void everyRcScriptParses() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(RC),
                "9base is not installed (" + RC + " missing): run ./ants doctor --install to check plan9rc's rc syntax");
        List<Path> scripts = rcScripts();
        assertTrue(scripts.size() >= 9, "plan9rc, plan9rc.rc, rerootwin, the ns tools and the suites' scripts: " + scripts);
        List<String> bad = new ArrayList<>();
        for (Path f : scripts) {
            String err = rcSyntax(f);
            if (err != null) bad.add(plan9rc().getParent().relativize(f) + ": " + err);
        }
        if (!bad.isEmpty()) fail("rc syntax errors:\n" + String.join("\n", bad));
    }

    @Test
    void theSyntaxCheckCatchesABrokenScript(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(RC), "9base is not installed (" + RC + " missing)");
        for (String broken : List.of("if(~ $1 x {\n\techo y\n", "echo a }\nrm -rf /tmp/nothing\n", "x=`{echo\n")) {
            Path f = Files.writeString(dir.resolve("broken"), "#!/bin/rc\n" + broken);
            assertTrue(rcSyntax(f) != null, "not caught: " + broken);
        }
        assertEquals(null, rcSyntax(Files.writeString(dir.resolve("good"), "#!/bin/rc\nfn f { echo $\"* }\nf a b\n")));
    }

    @Test
    void everyFileIsInstalledAndTheScriptsAreInTheBootPaq(@TempDir Path empty) throws IOException {
        Path dir = plan9rc();
        Files.createDirectories(empty.resolve("new"));
        PatchSet set = PatchSet.load(empty, dir, "test");
        List<String> sources = set.newFiles().stream().map(f -> f.source().substring("plan9rc/".length())).toList();
        List<String> data = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                String rel = dir.relativize(p).toString();
                if (!List.of("README.md", "install.txt", "series").contains(rel) && !rel.endsWith(".diff")) data.add(rel);
            }
        }
        for (String f : data) assertTrue(sources.contains(f), f + " is not listed in plan9rc/install.txt");
        List<String> added = new ArrayList<>();
        for (String l : Files.readAllLines(dir.resolve("bootfs-proto.diff"))) {
            if (l.startsWith("+") && !l.startsWith("+++")) added.add(l.substring(1).trim().split("\\s+")[0]);
        }
        for (PatchSet.NewFile f : set.newFiles()) {
            String name = Path.of(f.path()).getFileName().toString();
            if (f.path().startsWith("rc/bin/")) {
                assertTrue(added.contains(name), f.path() + " is installed but not in the boot paq (bootfs-proto.diff)");
                assertEquals(0775, f.mode(), f.path() + " must be executable");
            } else if (f.path().startsWith("sys/src/9/boot/")) {
                assertTrue(added.contains(name), f.path() + " is not in the boot paq");
            } else {
                assertTrue(f.path().startsWith("sys/lib/plan9rc/"), f.path() + ": the paq takes sys/lib/plan9rc whole, nothing else");
            }
        }
        assertFalse(set.patches().isEmpty(), "plan9rc's series names its proto hunk");
    }
}
