package dev.ants.pipeline.steps;

import dev.ants.core.AntsException;
import dev.ants.core.manifest.ImageManifest;
import dev.ants.core.manifest.UserlandManifest;
import dev.ants.core.pipeline.Step;
import dev.ants.core.progress.Progress;
import dev.ants.image.BootLoaders;
import dev.ants.image.RootFs;
import dev.ants.image.disk.DiskLayout;
import dev.ants.image.root.RootArchive;
import dev.ants.image.root.RootEntry;
import dev.ants.image.root.RootLayout;
import dev.ants.image.root.RootTree;
import dev.ants.image.steps.WriteFillDiskStep;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Composes the root an image gets (the tree with the release recipe's overlays, the built userland,
 * the kernel and loaders, the installer's files) and checks that it fits the file-system partition.
 * hjfs is written on the host from these entries; for the file servers written in a guest, it writes
 * the fill disk: the archive, mkext from that userland, fill.rc and the pinned clock.
 */
public final class PrepareRootStep implements Step<PrepareRootStep.Root> {
    /**
     * The root's entries and users table (for the host writer), the fill disk and what it holds (for
     * the guest; null with hjfs), and the manifest's summary.
     */
    public record Root(List<RootEntry> entries, String users, Path fillDisk, WriteFillDiskStep.Result fill,
                       ImageManifest.Root manifest) {
    }

    /** What a file system costs beyond the files' bytes: per entry and in all (blocks, tables, slack). */
    static final long PER_ENTRY = 8192;
    static final long FIXED = 64L << 20;
    /** cwfs64x's block: a file takes whole blocks, and every block written stays in the cache until a dump. */
    static final long CWFS_BLOCK = 16 << 10;

    private final Path tree;
    private final Path userland;
    private final String objtype;
    private final Path kernel;
    private final BootLoaders loaders;
    private final RootFs fs;
    private final DiskLayout layout;
    private final long epoch;
    private final Path fillDisk;

    public PrepareRootStep(Path tree, Path userland, String objtype, Path kernel, BootLoaders loaders, RootFs fs,
                           DiskLayout layout, long epoch, Path fillDisk) {
        this.tree = tree;
        this.userland = userland;
        this.objtype = objtype;
        this.kernel = kernel;
        this.loaders = loaders;
        this.fs = fs;
        this.layout = layout;
        this.epoch = epoch;
        this.fillDisk = fillDisk;
    }

    @Override
    public String description() {
        return "prepare the " + fs.id() + " root";
    }

    @Override
    public Root run(Progress progress) throws IOException {
        RootLayout rl = RootLayout.load();
        RootTree root = new RootTree(rl, objtype).addTree(tree).addUserland(userland).addLayout()
                .addFile(objtype + "/" + kernel.getFileName(), kernel)
                // 9bootproto: the PC boot code in /386, for installing from this system
                .addContent("386/mbr", loaders.mbr()).addContent("386/pbs", loaders.pbs())
                .addContent("386/9bootfat", loaders.nineBootFat());
        List<RootEntry> entries = root.entries();
        requireRoom(entries);
        String users = rl.files().get("adm/users");
        UserlandManifest um = UserlandManifest.read(userland);
        if (fs == RootFs.HJFS) {
            RootArchive.Summary s = RootArchive.write(entries, epoch, java.io.OutputStream.nullOutputStream());
            return new Root(entries, users, null, null, summary(um, s, root));
        }
        Path mkext = userland.resolve(objtype + "/bin/disk/mkext");
        if (!Files.isRegularFile(mkext)) {
            throw AntsException.environment("the userland has no disk/mkext (" + mkext + ")",
                    "rebuild it: ants userland --tree " + tree + " -o DIR, and check its known failures");
        }
        Map<String, byte[]> tools = new LinkedHashMap<>();
        tools.put("mkext", Files.readAllBytes(mkext));
        tools.put("fill.rc", resource("/dev/ants/image/root/fill.rc"));
        tools.put("bintime", WriteFillDiskStep.bintime(epoch));
        tools.put("users", users.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        // the archive's last entry: fill.rc looks for it after restarting the file server, so writes a
        // server dropped at its halt show up as a failed fill, not as a root that lacks /usr
        tools.put("last", (entries.get(entries.size() - 1).path() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (fs == RootFs.CWFS) tools.put("fsconfig", cwfsConfig("sdC0"));
        WriteFillDiskStep.Result r = new dev.ants.core.pipeline.StepRunner(progress)
                .run(new WriteFillDiskStep(fillDisk, tools, entries, epoch));
        return new Root(entries, users, fillDisk, r, summary(um, r.archive(), root));
    }

    /** The archive's digest names the root's contents, whichever way the file system was written. */
    private static ImageManifest.Root summary(UserlandManifest um, RootArchive.Summary s, RootTree root) {
        return new ImageManifest.Root(um.digest(), s.entries(), s.bytes(), s.sha256(), root.binCount());
    }

    /** Bad input, before anything is written, when the root cannot fit the partition. */
    private void requireRoom(List<RootEntry> entries) {
        long bytes = RootArchive.size(entries, epoch);
        // cwfs keeps every block it writes in fscache (its bootPart) until a dump copies it to the worm,
        // and a full cache bucket fails the write: the cache must hold the whole root, a quarter spare
        long need = fs == RootFs.CWFS ? cwfsBlocks(entries) * CWFS_BLOCK * 5 / 4 + FIXED
                : bytes + entries.size() * PER_ENTRY + FIXED;
        long have = layout.sectorsOf(fs.bootPart) * DiskLayout.SECTOR;
        if (need > have) {
            long disk = layout.bytes() + (need - have) * layout.bytes() / Math.max(1, have);
            throw AntsException.badInput(String.format("the root (%d files, %d MiB) does not fit the %s partition %s of %d MiB",
                            entries.size(), bytes >> 20, fs.id(), fs.bootPart, have >> 20),
                    String.format("give the disk at least %d MiB with --size", (disk >> 20) + 1));
        }
    }

    /** cwfs blocks for the entries: whole blocks per file, a block per 64 directory entries. */
    static long cwfsBlocks(List<RootEntry> entries) {
        long blocks = 0;
        for (RootEntry e : entries) blocks += e.dir() ? 1 : (e.length() + CWFS_BLOCK - 1) / CWFS_BLOCK;
        return blocks + entries.size() / 64;
    }

    /** cwfs's configuration as the installer writes it (inst/mountcwfs), for the disk's name in the fill guest. */
    static byte[] cwfsConfig(String disk) {
        String d = "/dev/" + disk + "/";
        return ("service cwfs\nconfig " + d + "fscache\nnoauth\nfilsys main c(" + d + "fscache)(" + d + "fsworm)\n"
                + "filsys dump o\nfilsys other (" + d + "other)\nream other\nream main\nend\n")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = PrepareRootStep.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException(name + " is missing from the ants jar");
            return in.readAllBytes();
        }
    }
}
