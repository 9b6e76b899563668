package dev.ants.pipeline.steps;

import dev.ants.core.AntsException;
import dev.ants.core.manifest.TreeIdentity;
import dev.ants.core.manifest.UserlandManifest;
import dev.ants.core.pipeline.StepRunner;
import dev.ants.core.progress.Progress;
import dev.ants.image.BootLoaders;
import dev.ants.image.RootFs;
import dev.ants.image.disk.DiskLayout;
import dev.ants.image.steps.WriteFillDiskStep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The root from synthetic inputs: a fill disk with tools and archive, or bad input when it cannot fit. */
class PrepareRootStepTest {
    @TempDir
    Path tmp;

    Path userland(long bigFile) throws Exception {
        Path u = Files.createDirectories(tmp.resolve("userland/amd64/bin/disk")).getParent().getParent().getParent();
        Files.writeString(u.resolve("amd64/bin/disk/mkext"), "mkext");
        Files.writeString(u.resolve("amd64/bin/cat"), "cat");
        if (bigFile > 0) {
            try (RandomAccessFile f = new RandomAccessFile(u.resolve("amd64/bin/big").toFile(), "rw")) {
                f.setLength(bigFile);
            }
        }
        new UserlandManifest(new TreeIdentity("t", "r", null), "amd64", "tc", 2, 2, "digest123", Map.of(), Map.of(), Map.of())
                .write(u);
        return u;
    }

    PrepareRootStep step(Path userland, long diskBytes, RootFs fs) throws Exception {
        Path tree = Files.createDirectories(tmp.resolve("tree/rc/bin"));
        Files.writeString(tree.resolve("x"), "x");
        Path kernel = Files.writeString(tmp.resolve("9pc64"), "kernel");
        byte[] pbs = new byte[100];
        pbs[0] = (byte) 0xEB;
        return new PrepareRootStep(tmp.resolve("tree"), userland, "amd64", kernel, new BootLoaders(new byte[400], pbs, new byte[100]),
                fs, DiskLayout.forBytes(diskBytes, fs), 1_700_000_000L, tmp.resolve("fill.img"));
    }

    @Test
    void writesTheToolsAndTheArchiveAndRecordsTheUserland() throws Exception {
        PrepareRootStep.Root r = new StepRunner(Progress.SILENT).run(step(userland(0), 512L << 20, RootFs.GEFS));
        assertEquals("digest123", r.manifest().userlandDigest());
        assertEquals(3, r.manifest().binCount(), "cat and disk in /amd64/bin, x in /rc/bin");
        byte[] disk = Files.readAllBytes(r.fillDisk());
        String archive = new String(disk, (int) WriteFillDiskStep.ARCHIVE_LBA * 512, (int) r.manifest().bytes(), StandardCharsets.UTF_8);
        assertTrue(archive.startsWith("/386 20000000775 sys sys 1700000000 0\n"), archive.substring(0, 80));
        assertTrue(archive.contains("\n/amd64/9pc64 664 sys sys 1700000000 6\nkernel"));
        assertTrue(archive.endsWith("end of archive\n"));
        assertEquals(r.fill().endLba() * 512, disk.length);
    }

    @Test
    void hjfsGetsTheEntriesAndUsersForTheHostWriterAndNoFillDisk() throws Exception {
        PrepareRootStep.Root r = new StepRunner(Progress.SILENT).run(step(userland(0), 512L << 20, RootFs.HJFS));
        assertNull(r.fillDisk());
        assertFalse(Files.exists(tmp.resolve("fill.img")));
        assertTrue(r.entries().stream().anyMatch(e -> e.path().equals("amd64/9pc64")), "the kernel is in the root");
        assertTrue(r.users().contains(":glenda:"), r.users());
        assertEquals(3, r.manifest().binCount());
        // the manifest's archive digest is the same whichever way the root is written
        PrepareRootStep.Root g = new StepRunner(Progress.SILENT).run(step(userland(0), 512L << 20, RootFs.GEFS));
        assertEquals(g.manifest().archiveSha256(), r.manifest().archiveSha256());
    }

    @Test
    void aRootTooBigForTheDiskIsBadInputAndWritesNoFillDisk() throws Exception {
        AntsException e = assertThrows(AntsException.class,
                () -> new StepRunner(Progress.SILENT).run(step(userland(300L << 20), 256L << 20, RootFs.HJFS)));
        assertEquals(2, e.exitCode().code);
        assertTrue(e.getMessage().contains("does not fit"), e.getMessage());
        assertTrue(e.hint().contains("--size"), e.hint());
        assertFalse(Files.exists(tmp.resolve("fill.img")));
    }

    @Test
    void cwfsCountsWholeBlocksInItsCacheAndNamesASizeThatFits() throws Exception {
        // 120 MiB of data fits the 1 GiB disk's fsworm (about 720 MiB) but not its fscache (about 145 MiB)
        // once a quarter is kept spare: the hint gives a size whose cache holds it
        Path u = userland(120L << 20);
        AntsException e = assertThrows(AntsException.class, () -> new StepRunner(Progress.SILENT).run(step(u, 1L << 30, RootFs.CWFS)));
        assertEquals(2, e.exitCode().code);
        assertTrue(e.getMessage().contains("cwfs partition fscache"), e.getMessage());
        long mib = Long.parseLong(e.hint().replaceAll(".*at least (\\d+) MiB.*", "$1"));
        assertTrue(mib > 1024 && mib < 2048, e.hint());
        Files.deleteIfExists(tmp.resolve("fill.img"));
        PrepareRootStep.Root r = new StepRunner(Progress.SILENT).run(step(u, mib << 20, RootFs.CWFS));
        assertTrue(Files.size(r.fillDisk()) > 120L << 20);
    }

    @Test
    void aCwfsFileTakesWholeBlocksAndAFullDirectoryMore() {
        var entries = new java.util.ArrayList<dev.ants.image.root.RootEntry>();
        entries.add(new dev.ants.image.root.RootEntry("d", true, 0775, "sys", "sys", null, null, 0));
        entries.add(new dev.ants.image.root.RootEntry("d/a", false, 0664, "sys", "sys", null, new byte[1], 1));
        entries.add(new dev.ants.image.root.RootEntry("d/b", false, 0664, "sys", "sys", null, null, (16 << 10) + 1));
        entries.add(new dev.ants.image.root.RootEntry("d/c", false, 0664, "sys", "sys", null, null, 0));
        assertEquals(1 + 1 + 2 + 0, PrepareRootStep.cwfsBlocks(entries));
        for (int i = 0; i < 64; i++) entries.add(new dev.ants.image.root.RootEntry("d/e" + i, false, 0664, "sys", "sys", null, null, 0));
        assertEquals(4 + 1, PrepareRootStep.cwfsBlocks(entries));
    }

    @Test
    void theArchivesLastEntryIsAToolSoTheFillCanLookForItAfterTheHalt() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/mtype")),
                "mtools is not installed (apt-get install mtools): cannot read the tools FAT");
        PrepareRootStep.Root r = new StepRunner(Progress.SILENT).run(step(userland(0), 512L << 20, RootFs.GEFS));
        byte[] disk = Files.readAllBytes(r.fillDisk());
        String archive = new String(disk, (int) WriteFillDiskStep.ARCHIVE_LBA * 512, (int) r.manifest().bytes(), StandardCharsets.UTF_8);
        String lastHeader = archive.lines().filter(l -> l.matches("/\\S+ [0-7]+ \\S+ \\S+ 1700000000 \\d+")).reduce((a, b) -> b).orElseThrow();
        Process p = new ProcessBuilder("mtype", "-i", r.fillDisk().toString(), "::last").redirectErrorStream(true).start();
        String last = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), last);
        assertEquals(lastHeader.substring(1, lastHeader.indexOf(' ')) + "\n", last);
    }
}
