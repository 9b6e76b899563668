package dev.ants.it;

import dev.ants.core.tree.NineFrontTree;
import dev.ants.harness.BootRequest;
import dev.ants.harness.model.HardwareModel;
import dev.ants.harness.model.ModelCatalog;
import dev.ants.harness.qemu.Accel;
import dev.ants.harness.qemu.Guest;
import dev.ants.harness.report.RunResult;
import dev.ants.harness.scenario.Scenario;
import dev.ants.harness.scenario.ScenarioLoader;
import dev.ants.hostbuild.Arch;
import dev.ants.core.manifest.ImageManifest;
import dev.ants.image.DiskImageBuilder;
import dev.ants.pipeline.Ants;
import dev.ants.pipeline.ImageRequest;
import dev.ants.image.ImageFormat;
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
 * Builds the ANTS amd64 kernel and the 386 boot code from ANTS_9FRONT_TREE, writes a --fs none disk
 * image with the image builder, and boots it on pc-ide under SeaBIOS (TCG): mbr → pbs → 9bootfat →
 * 9pc64 must list the prep partitions and, with no prompt, go through plan9rc (bootcmd=plan9rc) to its
 * admin shell: rootless, an rc that says amd64, and no /srv/boot in its namespace.
 */
class ImageBootTest {
    @TempDir
    Path tmp;

    @Test
    void diskImageBootsThroughBiosToRc() throws Exception {
        Path tree = NineFrontTree.fromEnvironment();
        assumeTrue(tree != null, "set ANTS_9FRONT_TREE to a 9front checkout (e.g. /work/trees/9front-2025) to build and boot a disk image");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/qemu-system-x86_64")), "qemu-system-x86 is not installed");

        Ants ants = Ants.builder().tree(tree).arch(Arch.AMD64).build();
        HardwareModel ide = ants.models().get("pc-ide");
        Path image = tmp.resolve("ants.img");
        DiskImageBuilder.Result r = ants.image(new ImageRequest(image, ImageFormat.RAW, 2L << 30, dev.ants.image.RootFs.NONE, List.of()));
        ImageManifest manifest = ImageManifest.readFor(image);
        assertEquals(manifest, r.contents());
        assertEquals(manifest.image().sha256(), KernelBootTest.sha256(image), "manifest records the image's sha256");
        String disk = manifest.hints().get("pc-ide").disk();
        assertEquals("sdC0", disk);

        Scenario toRc = ScenarioLoader.parse("""
                name: image-boot-to-rc
                shell: rc
                timeout: 120
                steps:
                  - fail-on: 'panic|suicide|bootargs is'
                  - expect: 'plan9rc: no root: staying rootless'
                  - expect: 'plan9rc: starting shell in admin namespace'
                  - expect: 'admin% $'
                  - run: echo $cputype
                    output: '^amd64$'
                  - name: 9front reads the prep partitions
                    run: ls /dev/${disk}
                    output: '(?s)/dev/${disk}/9fat.*/dev/${disk}/fs'
                  - name: the shell is in plan9rc's ramfs, with nothing of a root file server
                    run: cat /mnt/plan9rc/adm/root >[2=1]; echo boot lines `{grep -c /srv/boot /proc/$pid/ns}
                    output: '(?s)does not exist.*boot lines 0$'
                """, "image-boot-to-rc", null, Map.of("disk", disk));
        RunResult run = ants.boot(new BootRequest(ide, Guest.disk(image)).accel(Accel.TCG).scenario(toRc), null, null);
        assertEquals(0, run.exitCode(), () -> run.summary() + "\n" + String.join("\n",
                run.lastConsoleLines() == null ? List.of() : run.lastConsoleLines()));

        // the same image under ants test: the image suite (the layout from inside). The boot suite on a
        // flashed image is LabMachineTest's; here each case would be another BIOS boot from power-on.
        Path report = tmp.resolve("report");
        int code = dev.ants.cli.Main.run("test", "--image", image.toString(), "--suite", "image",
                "--models", "pc-ide", "--report", report.toString(), "--quiet");
        String junit = Files.readString(report.resolve("TEST-pc-ide.xml"));
        assertEquals(0, code, junit);
        for (String c : new String[] {"image.prep-table", "image.nine-fat"}) {
            assertTrue(junit.contains("name=\"" + c + "\""), c + " ran: " + junit);
        }
    }
}
