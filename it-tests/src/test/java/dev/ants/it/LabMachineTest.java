package dev.ants.it;

import dev.ants.cli.Main;
import dev.ants.core.tree.NineFrontTree;
import dev.ants.hostbuild.Arch;
import dev.ants.image.ImageFormat;
import dev.ants.it.support.LabPc;
import dev.ants.pipeline.Ants;
import dev.ants.pipeline.ImageRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 10's "real hardware" target, in CI: a lab PC made of a loop device, power scripts and a TCP
 * serial server (LabPc). 'ants test --target --image' flashes the ANTS image to the PC's disk,
 * power-cycles it, and the boot suite passes on its serial console.
 */
class LabMachineTest {
    @TempDir
    Path tmp;

    @Test
    void antsTestFlashesPowerCyclesAndPassesTheBootSuiteOnALabPc() throws Exception {
        Path tree = NineFrontTree.fromEnvironment();
        assumeTrue(tree != null, "set ANTS_9FRONT_TREE to a 9front checkout to build the image the lab PC boots");
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root for the lab PC's loop device");
        Path image = tmp.resolve("ants.img");
        Ants.builder().tree(tree).arch(Arch.AMD64).build()
                .image(new ImageRequest(image, ImageFormat.RAW, 1L << 30, dev.ants.image.RootFs.NONE, List.of()));
        try (LabPc pc = LabPc.create(tmp, 1L << 30)) {
            Path report = tmp.resolve("report");
            java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
            java.io.PrintStream saved = System.err;
            int code;
            System.setErr(new java.io.PrintStream(err, true));
            try {
                code = Main.run("test", "--target", pc.targetFile().toString(), "--image", image.toString(),
                        "--suite", "boot", "--report", report.toString(), "--quiet");
            } finally {
                System.setErr(saved);
            }
            Path xml = report.resolve("TEST-lab-pc.xml");
            String junit = Files.exists(xml) ? Files.readString(xml) : "(no " + xml + ")";
            assertEquals(0, code, "ants test --target said: " + err + "\n" + junit);
            for (String c : new String[] {"boot.cputype", "boot.disk", "boot.nic"}) {
                assertTrue(junit.contains("name=\"" + c + "\""), c + " ran on the lab PC: " + junit);
            }
            assertTrue(junit.contains("failures=\"0\"") && junit.contains("skipped=\"0\""), junit);
        }
    }
}
