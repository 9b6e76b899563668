package dev.ants.it;

import dev.ants.core.manifest.KernelManifest;
import dev.ants.core.tree.NineFrontTree;
import dev.ants.hostbuild.Arch;
import dev.ants.harness.BootRequest;
import dev.ants.harness.model.ModelCatalog;
import dev.ants.harness.qemu.Accel;
import dev.ants.harness.qemu.Guest;
import dev.ants.harness.report.RunResult;
import dev.ants.harness.scenario.Scenario;
import dev.ants.harness.scenario.ScenarioLoader;
import dev.ants.it.support.NoteRecorder;
import dev.ants.pipeline.Ants;
import dev.ants.pipeline.Kernel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Builds the amd64 and 386 kernels from ANTS_9FRONT_TREE on Linux (host toolchain from the tree, the
 * tree's own mkfiles in a namespace) and boots each under QEMU TCG with no disk: it must reach the
 * bootargs prompt, and an rc started there must name the kernel's cputype (through the harness). Named
 * *Test so Surefire runs it; skips without a tree.
 */
class KernelBootTest {
    @TempDir
    Path tmp;

    @Test
    void amd64KernelBuiltOnLinuxBootsToRc() throws Exception {
        buildAndBoot(Arch.AMD64, "amd64");
    }

    /** The 386 kernel, and with it the PC boot code the image builder needs. */
    @Test
    void i386KernelBuiltOnLinuxBootsToRc() throws Exception {
        Path out = buildAndBoot(Arch.I386, "386");
        for (String loader : List.of("mbr", "pbs", "9bootfat", "9bootiso", "9bootpxe")) {
            assertTrue(Files.size(out.resolve(loader)) > 0, loader + " was built");
        }
        // the master boot record's code must leave room for the partition table
        assertTrue(Files.size(out.resolve("mbr")) <= 446, "mbr fits in front of the partition table");
    }

    private Path buildAndBoot(Arch arch, String cputype) throws Exception {
        Path tree = NineFrontTree.fromEnvironment();
        assumeTrue(tree != null, "set ANTS_9FRONT_TREE to a 9front checkout (e.g. /work/trees/9front-2024) to build and boot a kernel");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/qemu-system-x86_64")), "qemu-system-x86 is not installed");

        Path out = tmp.resolve("out-" + arch.objtype);
        Ants ants = Ants.builder().tree(tree).arch(arch).stock(true).build();
        Kernel k = ants.kernel(out);
        Path kernel = k.file();
        assertEquals(out.resolve(arch.kernel), kernel);
        KernelManifest manifest = KernelManifest.read(out);
        assertEquals(sha256(kernel), manifest.outputs().get(arch.kernel), "kernel.json records the kernel's sha256");
        assertEquals(List.of(), manifest.patches());
        assertEquals(manifest, k.manifest());
        // asked again, the same inputs give the kept kernel, without mk
        NoteRecorder notes = new NoteRecorder();
        Kernel again = Ants.builder().tree(tree).arch(arch).stock(true).progress(notes.root("again")).build()
                .kernel(tmp.resolve("again-" + arch.objtype));
        assertTrue(notes.any("built before from these inputs"), "kept kernel reused: " + notes.notes());
        assertEquals(sha256(kernel), sha256(again.file()));

        Files.writeString(tmp.resolve("plan9.ini"), "console=0\n*acpi=0\n");
        Scenario toRc = ScenarioLoader.parse("""
                name: boot-to-rc
                shell: rc
                timeout: 60
                steps:
                  - expect: 'bootargs is \\(tcp, tls, il, local!device\\)'
                  - send: "!rc\\n"
                  - expect: '% $'
                  - run: echo $cputype
                    output: '^${cputype}$'
                """, "boot-to-rc", null, Map.of("cputype", cputype));
        RunResult r = ants.boot(new BootRequest(ModelCatalog.builtIn().get("pc-virtio"),
                Guest.kernel(kernel, null, null).withPlan9ini(tmp.resolve("plan9.ini"))).accel(Accel.TCG).scenario(toRc), null, null);
        assertEquals(0, r.exitCode(), () -> r.summary() + "\n" + String.join("\n",
                r.lastConsoleLines() == null ? List.of() : r.lastConsoleLines()));
        return out;
    }

    /** By the system's sha256sum: a check independent of the code that wrote the manifest. */
    static String sha256(Path f) throws Exception {
        Process p = new ProcessBuilder("sha256sum", f.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
        return out.substring(0, 64);
    }
}
