package dev.ants.it;

import dev.ants.core.Sha256;
import dev.ants.core.manifest.ImageManifest;
import dev.ants.core.tree.NineFrontTree;
import dev.ants.harness.BootRequest;
import dev.ants.harness.model.HardwareModel;
import dev.ants.harness.qemu.Accel;
import dev.ants.harness.qemu.Guest;
import dev.ants.harness.report.RunResult;
import dev.ants.harness.scenario.Scenario;
import dev.ants.harness.scenario.ScenarioLoader;
import dev.ants.hostbuild.Arch;
import dev.ants.image.Compression;
import dev.ants.image.ImageFormat;
import dev.ants.image.RootFs;
import dev.ants.pipeline.Ants;
import dev.ants.pipeline.ImageRequest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Images with a root, built from ANTS_9FRONT_TREE and booted under TCG: from the disk to glenda's shell
 * whose / is the image's file system, with as many names in /bin as the root the image records (the
 * userland's binaries, rc's scripts), the kernel's bytes read back and a new file written; the
 * rootless image through OVMF; the ISO as a CD, and one made from an ISO as --base; and two hjfs
 * builds with one SOURCE_DATE_EPOCH byte-identical.
 */
class ImageRootTest {
    @TempDir
    Path tmp;

    static Ants ants() {
        Path tree = NineFrontTree.fromEnvironment();
        assumeTrue(tree != null, "set ANTS_9FRONT_TREE to a 9front checkout (e.g. /work/trees/2025-09) to build and boot images with a root");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/qemu-system-x86_64")), "qemu-system-x86 is not installed");
        return Ants.builder().tree(tree).arch(Arch.AMD64).build();
    }

    static Path image(Ants ants, Path file, RootFs fs, ImageFormat format) {
        ants.image(new ImageRequest(file, format, fs.defaultSize(), fs, List.of(), Compression.NONE, null));
        return file;
    }

    /**
     * Boots the disk through plan9rc (the image's bootcmd) to the admin shell with the root attached,
     * moves the console into the root with rerootwin, and checks that root as glenda. plan9.ini names
     * sdC0; on other disk models plan9rc finds the partition of that name on the model's disk.
     */
    static void bootsToTheDisksRoot(Ants ants, Path img, String model) {
        ImageManifest m = ImageManifest.readFor(img);
        HardwareModel hw = ants.models().get(model);
        String moved = hw.disk9().equals("sdC0") ? "" : """
                  - expect: 'plan9rc: root local!/dev/sdC0/fs: not here, local!/dev/${disk}/fs has '
                """;
        Scenario s = ScenarioLoader.parse("""
                name: root-boot
                shell: rc
                timeout: 240
                steps:
                  - fail-on: 'panic|suicide|no boot device|bootargs is'
                  - expect: 'plan9rc: Advanced Namespace Tools'
                """ + moved + """
                  - expect: 'plan9rc: root is local!/dev/${disk}/'
                  - expect: 'plan9rc: starting shell in admin namespace'
                  # the user environment's termrc runs beside the checks and may print on the console
                  # (with a NIC: 'starting dns resolver'), so each output is looked for as a line of its own
                  # typed ahead, a command would go to the admin shell, which reads all that is there
                  # (the escape is doubled: Java's own would put a line break inside YAML's quotes,
                  # which YAML folds to a space, and the line would never be entered)
                  - send: "rerootwin -c 'echo re^rooted; exec rc -i' boot\\n"
                  - expect: 'rerooted'
                  - name: the user is glenda
                    run: cat /dev/user
                    output: '(?m)^glenda$'
                  - name: the root is the disk's file system (the tree's sources are there)
                    run: test -f /sys/src/9/pc64/mkfile && test -f /usr/glenda/lib/profile && grep -s glenda /adm/users && echo disk
                    output: '(?m)^disk$'
                  - name: ls /bin shows the root's commands (and glenda's, which her profile binds)
                    run: bind -a /usr/glenda/bin/rc /bin; bind -a /usr/glenda/bin/$cputype /bin; ls /bin | wc -l
                    output: '(?m)^ *${binCount}$'
                  # the kernel in the root is megabytes, read through indirect blocks
                  - name: the root's kernel has the bytes of the one in 9fat
                    run: sha1sum -2 256 /${objtype}/${kernel}
                    output: '${kernelSha256}'
                  - name: the root takes new files and keeps the old ones
                    run: cp /${objtype}/${kernel} /usr/glenda/k && cmp /${objtype}/${kernel} /usr/glenda/k && rm /usr/glenda/k && sha1sum -2 256 /${objtype}/${kernel}
                    output: '${kernelSha256}'
                """, "root-boot", null, Map.of("disk", hw.disk9(),
                "binCount", Integer.toString(m.root().binCount()), "objtype", m.arch(), "kernel", kernel(m),
                "kernelSha256", m.parts().get(kernel(m)).sha256()));
        RunResult r = ants.boot(new BootRequest(hw, Guest.disk(img)).accel(Accel.TCG).scenario(s), null, null);
        assertEquals(0, r.exitCode(), () -> r.summary() + "\n" + String.join("\n",
                r.lastConsoleLines() == null ? List.of() : r.lastConsoleLines()));
    }

    /** The kernel's name in 9fat (and in the root's /$objtype). */
    static String kernel(ImageManifest m) {
        return m.parts().keySet().stream().filter(k -> k.startsWith("9pc")).findFirst().orElseThrow();
    }

    /**
     * On the disk plan9.ini names (IDE's sdC0), then on AHCI and virtio, where plan9rc looks for the
     * partition by name. hjfs is written on the host, so the image costs seconds and CI boots all three.
     */
    @ParameterizedTest
    @CsvSource({"hjfs,pc-ide q35-ahci pc-virtio"})
    void aFilledImageBootsToGlendasShellOnItsOwnRoot(String fs, String models) throws Exception {
        filledImageBoots(fs, models.split(" "));
    }

    /** The file servers filled in a guest: minutes of TCG each, so with the slow tests only. */
    @Tag("slow")
    @ParameterizedTest
    @CsvSource({"gefs,pc-ide", "cwfs,pc-ide"})
    void everyFileServersImageBootsToGlendasShell(String fs, String model) throws Exception {
        filledImageBoots(fs, model);
    }

    private void filledImageBoots(String fs, String... models) throws Exception {
        Ants ants = ants();
        RootFs rfs = RootFs.parse(fs);
        if (rfs == RootFs.GEFS) {
            assumeTrue(Files.isDirectory(ants.tree().root().resolve("sys/src/cmd/gefs")),
                    "the tree has no gefs (added to 9front in 2024-05)");
        }
        Path img = image(ants, tmp.resolve(fs + ".img"), rfs, ImageFormat.RAW);
        ImageManifest m = ImageManifest.readFor(img);
        assertEquals(fs, m.fs());
        // A full userland lists about 450 names in /bin (2025-09: 457); the boot paq alone, about 40.
        // The floor comes from the tree: its rc scripts plus its one-file C commands.
        long floor = count(ants.tree().root().resolve("rc/bin"), "")
                + count(ants.tree().root().resolve("sys/src/cmd"), ".c");
        assertTrue(m.root().binCount() > floor,
                "the userland's commands are in the root (more than " + floor + " names): " + m.root());
        for (String model : models) bootsToTheDisksRoot(ants, img, model);
    }

    private static long count(Path dir, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).count();
        }
    }

    @Test
    void twoHjfsBuildsWithOneDateAreByteIdentical() throws Exception {
        Ants ants = ants();
        assumeTrue(System.getenv("SOURCE_DATE_EPOCH") != null || Files.exists(ants.tree().root().resolve(".git")),
                "set SOURCE_DATE_EPOCH (the it-tests' pom does) or use a git checkout");
        Path a = image(ants, tmp.resolve("a.img"), RootFs.HJFS, ImageFormat.RAW);
        Path b = image(ants, tmp.resolve("b.img"), RootFs.HJFS, ImageFormat.RAW);
        assertEquals(Sha256.of(a), Sha256.of(b), "the same inputs and date give the same image");
    }

    @Test
    void theRootlessImageBootsThroughOvmf() throws Exception {
        Ants ants = ants();
        Path img = image(ants, tmp.resolve("uefi.img"), RootFs.NONE, ImageFormat.RAW);
        assertTrue(ImageManifest.readFor(img).hints().get("q35-uefi").bootable());
        toRc(ants, Guest.disk(img), "q35-uefi");
    }

    @Test
    void theIsoBootsAsACdOnPcIde() throws Exception {
        Ants ants = ants();
        Path iso = image(ants, tmp.resolve("ants.iso"), RootFs.NONE, ImageFormat.ISO);
        toRc(ants, Guest.iso(iso), "pc-ide");
    }

    /**
     * A 9front ISO as --base (here one that boots 9front's way, standing in for a release ISO): the
     * copy boots with our kernel and plan9.ini, through plan9rc, the CD its root.
     */
    @Test
    void anIsoMadeFromABaseIsoBootsThroughPlan9rc() throws Exception {
        Ants ants = ants();
        Path base = tmp.resolve("base.iso");
        ants.image(new ImageRequest(base, ImageFormat.ISO, RootFs.NONE.defaultSize(), RootFs.NONE, List.of("bootcmd=9front"),
                Compression.NONE, null));
        Path iso = tmp.resolve("ants.iso");
        ants.image(new ImageRequest(iso, ImageFormat.ISO, RootFs.NONE.defaultSize(), RootFs.NONE, List.of(), Compression.NONE, base));
        assertTrue(ImageManifest.readFor(iso).plan9ini().contains("bootcmd=plan9rc"));
        toRc(ants, Guest.iso(iso), "pc-ide");
    }

    static void toRc(Ants ants, Guest g, String model) {
        Scenario s = ScenarioLoader.parse("""
                name: to-rc
                shell: rc
                timeout: 240
                steps:
                  - fail-on: 'panic|suicide|bootargs is'
                  - expect: 'plan9rc: starting shell in admin namespace'
                  - run: echo $cputype
                    output: '^amd64$'
                """, "to-rc", null, Map.of());
        RunResult r = ants.boot(new BootRequest(ants.models().get(model), g).accel(Accel.TCG).scenario(s), null, null);
        assertEquals(0, r.exitCode(), () -> r.summary() + "\n" + String.join("\n",
                r.lastConsoleLines() == null ? List.of() : r.lastConsoleLines()));
    }
}
