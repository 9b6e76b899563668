package dev.ants.image;

import dev.ants.core.AntsException;
import dev.ants.core.Sha256;
import dev.ants.core.host.HostProcess;
import dev.ants.core.manifest.ImageManifest;
import dev.ants.core.progress.Progress;
import dev.ants.image.testutil.Mtools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The image's outputs checked by independent tools, from synthetic inputs: sfdisk's view of the MBR,
 * fsck.fat and mtools on the 9fat with its UEFI loader, the system's gzip/xz/zstd on the compressed
 * copy, qemu-img check on qcow2, two builds with one date byte-identical, and --base.
 */
class ImageOutputsTest {
    static final long SIZE = 256L << 20;
    static final long EPOCH = 1_700_000_000L;

    @TempDir
    Path tmp;

    DiskImageSpec spec(ImageFormat format, Compression c, long epoch, Path base) throws Exception {
        Path k = tmp.resolve("9pc64");
        if (!Files.exists(k)) Files.write(k, DiskImageBuilderTest.pattern(1_200_000, 3));
        return new DiskImageSpec("amd64", k, DiskImageBuilderTest.fakeLoaders(), SIZE, format, List.of(),
                List.of(new ModelHint("pc-ide", "sdC0", false), new ModelHint("q35-uefi", "sdE0", true)), RootFs.NONE,
                epoch, Map.of("efi/boot/bootx64.efi", DiskImageBuilderTest.pattern(70_000, 8)), null, null, c, base);
    }

    static String run(String... cmd) throws Exception {
        HostProcess.Result r = HostProcess.run(List.of(cmd), null, Map.of("MTOOLS_SKIP_CHECK", "1"), Duration.ofMinutes(2));
        assertEquals(0, r.status(), String.join(" ", cmd) + ":\n" + r.output());
        return r.output();
    }

    @Test
    void sfdiskSeesOneActivePlan9PartitionAndTheDerivedSignature() throws Exception {
        assumeTrue(Mtools.has("sfdisk"), "sfdisk is not installed (apt-get install fdisk)");
        Path img = tmp.resolve("a.img");
        DiskImageBuilder.build(spec(ImageFormat.RAW, Compression.NONE, EPOCH, null), img, Progress.SILENT);
        String d = run("sfdisk", "-d", img.toString());
        assertTrue(d.contains("label: dos"), d);
        assertTrue(d.matches("(?s).*label-id: 0x[0-9a-f]{8}.*") && !d.contains("label-id: 0x00000000"), d);
        assertTrue(d.matches("(?s).*start=\\s*2048, size=\\s*" + (SIZE / 512 - 2048) + ", type=39, bootable.*"), d);
    }

    @Test
    void fsckFatAndMtoolsAcceptTheNineFatWithItsUefiLoader() throws Exception {
        assumeTrue(Mtools.has("mdir"), "mtools is not installed (apt-get install mtools)");
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/fsck.fat")), "dosfstools is not installed");
        Path img = tmp.resolve("a.img");
        DiskImageBuilder.build(spec(ImageFormat.RAW, Compression.NONE, EPOCH, null), img, Progress.SILENT);
        Path fat = tmp.resolve("9fat");
        try (var in = java.nio.channels.FileChannel.open(img); var out = java.nio.channels.FileChannel.open(fat,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE)) {
            in.transferTo(2048L * 512, 65536L * 512, out);
        }
        run("/usr/sbin/fsck.fat", "-n", fat.toString());
        String dir = Mtools.run("mdir", "-b", "-/", "-i", fat.toString(), "::");
        assertTrue(dir.contains("::/EFI/BOOT/BOOTX64.EFI") || dir.toLowerCase().contains("efi/boot/bootx64.efi"), dir);
        Path back = tmp.resolve("x.efi");
        Mtools.run("mcopy", "-i", fat.toString(), "::efi/boot/bootx64.efi", back.toString());
        assertArrayEquals(DiskImageBuilderTest.pattern(70_000, 8), Files.readAllBytes(back));
        String info = Mtools.run("minfo", "-i", fat.toString(), "::");
        assertFalse(info.contains("serial number: 414E5453"), "the volume serial is derived, not the old constant: " + info);
    }

    @ParameterizedTest
    @EnumSource(value = Compression.class, names = {"GZ", "XZ", "ZST"})
    void theSystemsDecompressorGivesBackTheImage(Compression c) throws Exception {
        String tool = switch (c) { case GZ -> "gzip"; case XZ -> "xz"; default -> "zstd"; };
        assumeTrue(Mtools.has(tool), tool + " is not installed (apt-get install gzip xz-utils zstd)");
        Path img = tmp.resolve("a.img");
        DiskImageBuilder.Result r = DiskImageBuilder.build(spec(ImageFormat.RAW, c, EPOCH, null), img, Progress.SILENT);
        Path z = tmp.resolve("a.img" + c.extension);
        assertTrue(Files.isRegularFile(z));
        ImageManifest.Compressed rec = ImageManifest.readFor(img).compressed();
        assertEquals(Sha256.of(z), rec.sha256());
        assertEquals(Files.size(z), rec.bytes());
        assertEquals(c.id(), rec.method());
        Path back = tmp.resolve("back.img");
        HostProcess.Result d = HostProcess.run(List.of("sh", "-c", tool + " -dc < '" + z + "' > '" + back + "'"), Duration.ofMinutes(3));
        assertEquals(0, d.status(), d.output());
        assertEquals(r.contents().image().sha256(), Sha256.of(back));
    }

    @ParameterizedTest
    @EnumSource(value = ImageFormat.class, names = {"RAW", "QCOW2"})
    void twoBuildsWithOneDateAreByteIdenticalAndAnotherDateDiffers(ImageFormat f) throws Exception {
        assumeTrue(f == ImageFormat.RAW || Mtools.has("qemu-img"), "qemu-img is not installed (apt-get install qemu-utils)");
        Path a = tmp.resolve("a.img");
        Path b = tmp.resolve("b.img");
        Path c = tmp.resolve("c.img");
        DiskImageBuilder.build(spec(f, Compression.GZ, EPOCH, null), a, Progress.SILENT);
        DiskImageBuilder.build(spec(f, Compression.GZ, EPOCH, null), b, Progress.SILENT);
        DiskImageBuilder.build(spec(f, Compression.GZ, EPOCH + 86400, null), c, Progress.SILENT);
        assertEquals(Sha256.of(a), Sha256.of(b));
        assertEquals(Sha256.of(tmp.resolve("a.img.gz")), Sha256.of(tmp.resolve("b.img.gz")));
        assertNotEquals(Sha256.of(a), Sha256.of(c), "the date is in the FAT entries");
        if (f == ImageFormat.QCOW2) run("qemu-img", "check", a.toString());
    }

    @Test
    void baseKeepsTheDiskAndReplacesTheNineFat() throws Exception {
        Path base = tmp.resolve("base.img");
        DiskImageBuilder.build(spec(ImageFormat.RAW, Compression.NONE, EPOCH, null), base, Progress.SILENT);
        // mark the base's fs partition, which --base must keep
        try (var ch = java.nio.channels.FileChannel.open(base, java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap("hjfs root".getBytes()), (2048L + 65537 + 10) * 512);
        }
        Path kernel2 = tmp.resolve("k2/9pc64");
        Files.createDirectories(kernel2.getParent());
        Files.write(kernel2, DiskImageBuilderTest.pattern(900_000, 41));
        DiskImageSpec s = spec(ImageFormat.RAW, Compression.NONE, EPOCH, base);
        s = new DiskImageSpec(s.arch(), kernel2, s.loaders(), s.sizeBytes(), s.format(), List.of("console=0"), s.models(),
                s.fs(), s.epoch(), s.fatFiles(), null, null, Compression.NONE, base);
        Path out = tmp.resolve("out.img");
        DiskImageBuilder.Result r = DiskImageBuilder.build(s, out, Progress.SILENT);
        assertEquals("base", r.contents().fs());
        byte[] sec = DiskImageBuilderTest.sector(out, 2048L + 65537 + 10);
        assertEquals("hjfs root", new String(sec, 0, 9));
        assumeTrue(Mtools.has("mtype"), "mtools is not installed");
        Path k = tmp.resolve("k.back");
        Mtools.run("mcopy", "-i", out + "@@" + 2048L * 512, "::9pc64", k.toString());
        assertArrayEquals(Files.readAllBytes(kernel2), Files.readAllBytes(k));
    }

    @Test
    void aBaseThatIsNotANineFrontDiskIsBadInputAndWritesNothing() throws Exception {
        Path junk = Files.write(tmp.resolve("junk.img"), DiskImageBuilderTest.pattern(4 << 20, 1));
        Path out = tmp.resolve("out.img");
        AntsException e = assertThrows(AntsException.class,
                () -> DiskImageBuilder.build(spec(ImageFormat.RAW, Compression.NONE, EPOCH, junk), out, Progress.SILENT));
        assertEquals(2, e.exitCode().code);
        assertTrue(e.getMessage().contains("not a 9front disk image"), e.getMessage());
        try (var s = Files.list(tmp)) {
            assertEquals(List.of("9pc64", "junk.img"), s.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }
}
