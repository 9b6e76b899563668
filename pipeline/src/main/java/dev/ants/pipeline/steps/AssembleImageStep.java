package dev.ants.pipeline.steps;

import dev.ants.core.AntsException;
import dev.ants.core.FileTrees;
import dev.ants.core.cleanup.Cleanup;
import dev.ants.core.pipeline.Step;
import dev.ants.core.pipeline.StepRunner;
import dev.ants.core.progress.Progress;
import dev.ants.core.repro.SourceDateEpoch;
import dev.ants.hostbuild.Arch;
import dev.ants.image.BootLoaders;
import dev.ants.image.DiskImageBuilder;
import dev.ants.image.DiskImageSpec;
import dev.ants.image.ImageFormat;
import dev.ants.image.ModelHint;
import dev.ants.image.Plan9Ini;
import dev.ants.image.RootFs;
import dev.ants.image.disk.DiskLayout;
import dev.ants.image.hjfs.HjfsUsers;
import dev.ants.image.steps.WriteHjfsStep;
import dev.ants.pipeline.PipelineConfig;
import dev.ants.pipeline.ImageRequest;
import dev.ants.pipeline.Kernel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Builds what an image needs and assembles it: the kernel of the configuration, the 386 boot loaders
 * (from that kernel's build on 386, from a stock 386 build otherwise), the UEFI loader, and for a root
 * the userland and its writing: hjfs on the host, the other file servers by a guest that unpacks the
 * root's archive. The request is checked first, so bad
 * input fails before minutes of building.
 */
public final class AssembleImageStep implements Step<DiskImageBuilder.Result> {
    private final PipelineConfig config;
    private final ImageRequest request;

    public AssembleImageStep(PipelineConfig config, ImageRequest request) {
        this.config = config;
        this.request = request;
    }

    @Override
    public String description() {
        return "image " + request.output().getFileName();
    }

    @Override
    public DiskImageBuilder.Result run(Progress progress) throws Exception {
        Path out = request.output().toAbsolutePath().normalize();
        config.tree().requireOutside(out, "-o");
        RootFs fs = request.fs();
        DiskLayout layout = DiskLayout.forBytes(request.sizeBytes(), fs);
        Plan9Ini.text(config.arch().kernel, fs, request.settings());
        requireFileServer(config.tree().root(), fs);
        if (request.base() != null) requireBase(request.base(), request.format() == ImageFormat.ISO);
        if (request.userland() != null) dev.ants.core.manifest.UserlandManifest.read(request.userland());
        long epoch = SourceDateEpoch.orFallback(config.tree().root());
        List<ModelHint> hints = config.models().all().stream().map(m -> new ModelHint(m.name(), m.disk9(), m.uefi())).toList();
        Path work = Files.createTempDirectory(out.getParent() == null ? Path.of(".") : out.getParent(), ".ants-image-");
        // a signal ends the JVM through shutdown hooks only: the work files go there too
        try (Cleanup.Registration r = Cleanup.onExit("remove " + work, () -> FileTrees.deleteQuietly(work))) {
            StepRunner steps = new StepRunner(progress);
            Kernel kernel = steps.run(new MakeKernelStep(config, work.resolve("kernel")));
            Path code = kernel.file().getParent();
            if (config.arch() != Arch.I386) {
                steps.run(new MakeLoadersStep(config));
                code = MakeLoadersStep.dir(config);
            }
            BootLoaders loaders = BootLoaders.in(code);
            Map<String, byte[]> efi = BootLoaders.efi(code);
            if (request.format() == ImageFormat.ISO) return iso(kernel, code, efi, hints, epoch, work, out, progress);
            DiskImageSpec.RootFiller filler = null;
            PrepareRootStep.Root root = null;
            if (fs != RootFs.NONE) {
                Path userland = userland(work, progress);
                root = steps.run(new PrepareRootStep(config.tree().root(), userland, config.arch().objtype,
                        kernel.file(), loaders, fs, layout, epoch, work.resolve("fill.img")));
                PrepareRootStep.Root rt = root;
                filler = fs == RootFs.HJFS
                        ? (raw, l, p) -> new StepRunner(p).run(new WriteHjfsStep(raw, l, rt.entries(), new HjfsUsers(rt.users()), epoch))
                        : (raw, l, p) -> new StepRunner(p).run(new FillRootStep(config.harness(p, null),
                        config.models().get(FillRootStep.MODEL), kernel.file(), raw, rt.fillDisk(), rt.fill(), fs, work));
            }
            DiskImageSpec spec = new DiskImageSpec(config.arch().objtype, kernel.file(), loaders, request.sizeBytes(),
                    request.format(), request.settings(), hints, fs, epoch, efi, filler,
                    root == null ? null : root.manifest(), request.compression(), request.base());
            return DiskImageBuilder.build(spec, out, progress);
        } finally {
            FileTrees.deleteQuietly(work);
        }
    }

    /**
     * The hybrid ISO: kernel, plan9.ini, the loaders and, with --fs, the whole root as the CD's files;
     * with --base, the base ISO with our kernel and plan9.ini.
     */
    private DiskImageBuilder.Result iso(Kernel kernel, Path code, Map<String, byte[]> efi, List<ModelHint> hints,
                                        long epoch, Path work, Path out, Progress progress) throws IOException {
        List<dev.ants.image.root.RootEntry> root = null;
        if (request.fs() != RootFs.NONE) {
            Path userland = userland(work, progress);
            root = new dev.ants.image.root.RootTree(dev.ants.image.root.RootLayout.load(), config.arch().objtype)
                    .addTree(config.tree().root()).addUserland(userland).addLayout().entries();
        }
        return dev.ants.image.IsoImageBuilder.build(new dev.ants.image.IsoImageBuilder.Spec(config.arch().objtype,
                kernel.file(), code, efi, request.settings(), root, epoch, request.compression(), hints, request.base()), out, progress);
    }

    /** The request's prebuilt userland (checked: its manifest, its architecture), or one built now. */
    private Path userland(Path work, Progress progress) {
        Path given = request.userland();
        if (given == null) return new StepRunner(progress).run(new MakeUserlandStep(config, work.resolve("userland"))).dir();
        dev.ants.core.manifest.UserlandManifest m = dev.ants.core.manifest.UserlandManifest.read(given);
        if (!config.arch().objtype.equals(m.arch())) {
            throw AntsException.badInput("--userland " + given + " is built for " + m.arch() + ", not " + config.arch().objtype,
                    "pass a userland of the image's --arch, or leave --userland out to build one");
        }
        return given;
    }

    /**
     * Before anything is built: an ISO --base must be a bootable 9front ISO and make an ISO; a raw one
     * must be a 9front disk (a qcow2 one is checked once converted).
     */
    static void requireBase(Path base, boolean iso) throws IOException {
        if (!Files.isRegularFile(base)) throw AntsException.badInput("--base " + base + " is not a file", "check the path");
        boolean baseIso = dev.ants.image.steps.CopyBaseImageStep.isIso(base);
        if (baseIso != iso) {
            throw AntsException.badInput(baseIso ? "--base " + base + " is an ISO; it makes an ISO, not a disk image"
                            : "--format iso takes an ISO as --base; " + base + " is a disk image",
                    baseIso ? "add --format iso" : "leave out --format iso to make a disk image from it");
        }
        if (iso) {
            dev.ants.image.steps.RemasterIsoStep.requireNineFrontIso(base);
            return;
        }
        byte[] head = new byte[4];
        try (var in = Files.newInputStream(base)) {
            in.readNBytes(head, 0, 4);
        }
        if (head[0] == 'Q' && head[1] == 'F' && head[2] == 'I') return;
        dev.ants.image.disk.BaseDisk.read(base, "--base " + base);
    }

    /**
     * A root needs the tree's file server, in its source and in the kernel's boot file system (which
     * serves the root at boot): bad input naming what is missing otherwise.
     */
    static void requireFileServer(Path tree, RootFs fs) throws IOException {
        if (fs.server == null) return;
        Path src = tree.resolve("sys/src/cmd").resolve(fs.server);
        if (!Files.isDirectory(src)) {
            throw AntsException.badInput("the tree " + tree + " has no " + fs.id() + ": sys/src/cmd/" + fs.server + " is missing",
                    "use another --fs (hjfs is in every 9front tree), or a newer tree");
        }
        StringBuilder protos = new StringBuilder();
        Path boot = tree.resolve("sys/src/9/boot");
        if (Files.isDirectory(boot)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(boot, "*.proto")) {
                for (Path p : ds) protos.append(Files.readString(p, StandardCharsets.ISO_8859_1)).append('\n');
            }
        }
        if (!protos.toString().matches("(?s).*\\b" + java.util.regex.Pattern.quote(fs.server) + "\\w*\\b.*")) {
            throw AntsException.badInput("the tree " + tree + " does not put " + fs.server + " in the kernel's boot file system"
                    + " (sys/src/9/boot/*.proto), so its kernels cannot mount a " + fs.id() + " root",
                    "use another --fs, or a tree whose boot protos list " + fs.server);
        }
    }
}
