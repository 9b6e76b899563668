package dev.ants.it;

import dev.ants.cli.Main;
import dev.ants.core.tree.NineFrontTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The whole pipeline as a user runs it: `ants test --tree T` patches the tree (as an overlay), builds
 * the ANTS kernel on Linux, boots it under QEMU and runs the boot, nswrite, ns-fuzz and stock suites over
 * the serial console. nswrite.rc is the proof of issue 5: one case per check of the writable /proc/N/ns;
 * ns-fuzz's 5000 random and malformed writes must leave a kernel that still takes writes.
 */
class AntsSuitesTest {
    @TempDir
    Path tmp;

    static Path tree() {
        Path tree = NineFrontTree.fromEnvironment();
        assumeTrue(tree != null, "set ANTS_9FRONT_TREE to a 9front checkout (e.g. /work/trees/9front-2025) to run the ANTS suites");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/qemu-system-x86_64")), "qemu-system-x86 is not installed");
        return tree;
    }

    @ParameterizedTest
    @ValueSource(strings = {"amd64", "386"})
    void antsKernelPassesBootAndNswriteSuites(String arch) throws Exception {
        Path tree = tree();
        Path report = tmp.resolve("report-" + arch);
        int code = Main.run("test", "--tree", tree.toString(), "--arch", arch, "--suite", "boot", "--suite", "nswrite",
                "--suite", "ns-fuzz", "--suite", "stock", "--models", "pc-virtio",
                "--report", report.toString(), "--quiet");
        String junit = Files.readString(report.resolve("TEST-pc-virtio.xml"));
        assertEquals(0, code, junit);
        assertTrue(junit.contains("failures=\"0\"") && junit.contains("errors=\"0\""), junit);
        // every check of nswrite.rc is a test case of its own, and the boot suite's three cases are there
        assertTrue(junit.split("<testcase ").length - 1 >= 60, "one case per check: " + junit.length());
        for (String c : new String[] {"boot.cputype", "boot.disk", "boot.nic", "stock.ns-read-format", "stock.rfork-n",
                "ns-fuzz.ran", "ns-fuzz.bad-verbs-refused", "ns-fuzz.still-writes", "ns-fuzz.no-stray-procs"}) {
            assertTrue(junit.contains("name=\"" + c + "\""), c);
        }
        String kernelJson = Files.readString(report.resolve("kernel/kernel.json"));
        assertTrue(kernelJson.contains("0001-procns-new-file.diff"), "the kernel carries the patch set: " + kernelJson);
    }

    @Test
    void stockKernelFailsNswriteAtOnce() throws Exception {
        // The suites must be able to fail: without the patches /proc/N/ns is read-only.
        Path tree = tree();
        Path report = tmp.resolve("report-stock");
        int code = Main.run("test", "--tree", tree.toString(), "--no-patches", "--suite", "nswrite", "--suite", "ns-fuzz",
                "--var", "fuzzcount=300", "--models", "pc-virtio", "--report", report.toString(), "--quiet");
        String junit = Files.readString(report.resolve("TEST-pc-virtio.xml"));
        assertEquals(1, code, "nswrite must fail on a stock kernel: " + junit);
        // and for the right reason: the kernel booted (the suite's boot steps passed) and an ns write failed
        assertFalse(junit.contains("name=\"nswrite.boot\""), "the stock kernel booted to rc: " + junit);
        assertTrue(junit.contains("<failure"), junit);
        assertTrue(junit.contains("write") || junit.contains("permission"), "the failure is an ns write: " + junit);
        // the fuzz ran its 300 writes (--var) and refused every one, so nothing was accepted and a
        // fresh target takes no write; what must be refused was
        assertTrue(junit.contains("not both accepted and refused: 300 0 300 0 0"), "the fuzz's tally (writes, accepted, refused, ...): " + junit);
        assertTrue(failed(junit, "ns-fuzz.both-outcomes") && failed(junit, "ns-fuzz.still-writes"), junit);
        assertFalse(failed(junit, "ns-fuzz.bad-verbs-refused") || failed(junit, "ns-fuzz.ran"), junit);

        // the baseline: what the patches must not change passes on the stock kernel too
        Path base = tmp.resolve("report-stock-baseline");
        int baseline = Main.run("test", "--tree", tree.toString(), "--no-patches", "--suite", "stock",
                "--models", "pc-virtio", "--report", base.toString(), "--quiet");
        assertEquals(0, baseline, Files.readString(base.resolve("TEST-pc-virtio.xml")));
    }

    /** Whether the JUnit XML has this case with a failure inside it. */
    private static boolean failed(String junit, String name) {
        int at = junit.indexOf("name=\"" + name + "\"");
        if (at < 0) throw new AssertionError("no case " + name + " in " + junit);
        int end = junit.indexOf("</testcase>", at);
        int selfClosed = junit.indexOf("/>", at);
        if (selfClosed >= 0 && selfClosed < junit.indexOf('>', at) + 1) return false;
        return end >= 0 && junit.substring(at, end).contains("<failure");
    }
}
