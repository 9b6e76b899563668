package dev.ants.it;

import dev.ants.core.AntsException;
import dev.ants.core.ExitCode;
import dev.ants.core.FileTrees;
import dev.ants.core.progress.Progress;
import dev.ants.core.tree.NineFrontTree;
import dev.ants.hostbuild.Arch;
import dev.ants.hostbuild.HostToolchain;
import dev.ants.pipeline.Ants;
import dev.ants.pipeline.Kernel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A cache on a file system that fills up in the middle of a kernel build (issue 15: a half-written
 * libc.a once looked up to date and broke every later build). The build must fail saying the disk is
 * full; once there is room, the next build must succeed from what the first left. A 40 MB tmpfs holds
 * the toolchain (about 6 MB) but not the build root (about 85 MB), so it fills while libraries or
 * kernel objects are written. Mounting it needs root, which CI has.
 */
class FullDiskBuildTest {
    @TempDir
    Path tmp;

    @Test
    void aBuildThatFillsTheDiskSaysSoAndTheNextWithRoomSucceeds() throws Exception {
        Path tree = NineFrontTree.fromEnvironment();
        assumeTrue(tree != null, "set ANTS_9FRONT_TREE to a 9front checkout (e.g. /work/trees/2025-09) to fill a disk with a build");
        assumeTrue("root".equals(System.getProperty("user.name")), "mounting a small tmpfs for the cache needs root");
        Path cache = Files.createDirectories(tmp.resolve("cache"));
        String mounted = output("mount", "-t", "tmpfs", "-o", "size=40m", "ants-full-disk", cache.toString());
        assumeTrue(mounted == null, "this host cannot mount a tmpfs (a container without CAP_SYS_ADMIN?): " + mounted);
        try {
            // the toolchain is not what fills the disk: copied in from the usual cache (built there
            // once for every test), it spares this test a bootstrap under emulation
            HostToolchain tc = HostToolchain.bootstrap(tree, Progress.SILENT);
            FileTrees.copyTree(tc.dir(), cache.resolve("toolchain").resolve(tc.dir().getFileName()));
            Ants ants = Ants.builder().tree(tree).arch(Arch.AMD64).cacheDir(cache).build();
            AntsException full = assertThrows(AntsException.class, () -> ants.kernel(tmp.resolve("k1")));
            String said = full.getMessage() + " / " + full.hint();
            assertEquals(ExitCode.ENVIRONMENT, full.exitCode(), said);
            assertTrue(said.contains("disk is full"), "the error says the disk is full: " + said);
            assertTrue(!full.hint().contains("fix the patch"), "and does not blame the patch set: " + said);

            run("mount", "-o", "remount,size=400m", cache.toString());
            Kernel k = ants.kernel(tmp.resolve("k2"));
            assertTrue(Files.size(k.file()) > 1_000_000, "with room again the same cache builds the kernel: " + k.file());
        } finally {
            run("umount", "-l", cache.toString());
        }
    }

    private static void run(String... argv) throws Exception {
        String failed = output(argv);
        assertTrue(failed == null, failed);
    }

    /** Null when the command succeeds, else what it said. */
    private static String output(String... argv) throws Exception {
        Process p = new ProcessBuilder(new ArrayList<>(List.of(argv))).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0 ? null : String.join(" ", argv) + ": " + out.trim();
    }
}
