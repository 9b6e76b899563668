package dev.ants.it;

import dev.ants.core.progress.Progress;
import dev.ants.core.tree.NineFrontTree;
import dev.ants.hostbuild.HostToolchain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every rc script we commit (plan9rc's, the suites', the fill's: a {@code #!/bin/rc} line or a .rc
 * name) parses with the tree's own rc, which the host toolchain builds. That rc has no -n, so each
 * script becomes the body of a function: defining the function parses the script and runs none of it.
 * A script that does not parse fails here instead of on a booting guest.
 */
class RcScriptsParseTest {
    @TempDir
    Path tmp;

    @Test
    void everyRcScriptOfOursParsesWithTheTreesRc() throws Exception {
        Path tree = NineFrontTree.fromEnvironment();
        assumeTrue(tree != null, "set ANTS_9FRONT_TREE to a 9front checkout to parse our rc scripts with its rc");
        Path rc = HostToolchain.bootstrap(tree, Progress.SILENT).tool("rc");
        Path rcmain = tree.resolve("rc/lib/rcmain");
        Path repo = OwnCodeTest.repositoryRoot();
        List<String> scripts = new ArrayList<>();
        for (String f : OwnCodeTest.trackedFiles(repo)) {
            Path p = repo.resolve(f);
            if (!Files.isRegularFile(p)) continue;
            if (f.endsWith(".rc") || new String(head(p), StandardCharsets.ISO_8859_1).startsWith("#!/bin/rc")) scripts.add(f);
        }
        assertTrue(scripts.contains("plan9rc/plan9rc") && scripts.contains("suites/nswrite/nswrite.rc"), "scripts found: " + scripts);
        // the check itself: a script that does not parse is caught
        assertTrue(parse(rc, rcmain, "if(\n").contains("syntax error"), "rc reports a syntax error");
        for (String f : scripts) {
            String said = parse(rc, rcmain, Files.readString(repo.resolve(f), StandardCharsets.ISO_8859_1));
            assertEquals("", said, f + " does not parse with the tree's rc");
        }
    }

    /** What rc says (nothing, for a script that parses) defining a function whose body is {@code script}. */
    private String parse(Path rc, Path rcmain, String script) throws Exception {
        Path f = Files.writeString(tmp.resolve("check.rc"), "fn antsparsecheck {\n" + script + "\n}\n", StandardCharsets.ISO_8859_1);
        Process p = new ProcessBuilder(rc.toString(), "-m", rcmain.toString(), f.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "rc did not finish");
        return p.exitValue() == 0 ? out : out + " (status " + p.exitValue() + ")";
    }

    private static byte[] head(Path p) throws java.io.IOException {
        try (var in = Files.newInputStream(p)) {
            return in.readNBytes(16);
        }
    }
}
