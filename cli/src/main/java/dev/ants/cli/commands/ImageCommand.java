package dev.ants.cli.commands;

import dev.ants.cli.Inputs;
import dev.ants.cli.OutputOptions;
import dev.ants.cli.ArchOption;
import dev.ants.cli.TreeOption;
import dev.ants.core.AntsException;
import dev.ants.core.ExitCode;
import dev.ants.core.FileTrees;
import dev.ants.harness.model.ModelCatalog;
import dev.ants.hostbuild.Arch;
import dev.ants.hostbuild.HostToolchain;
import dev.ants.hostbuild.KernelBuild;
import dev.ants.image.BootLoaders;
import dev.ants.image.DiskImageBuilder;
import dev.ants.image.DiskImageSpec;
import dev.ants.image.ImageFormat;
import dev.ants.image.ModelHint;
import dev.ants.image.Plan9Ini;
import dev.ants.image.disk.DiskLayout;
import dev.ants.patch.PatchSetSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Command(name = "image", mixinStandardHelpOptions = true,
        description = "Builds a bootable ANTS disk image and FILE.json (its manifest).")
public final class ImageCommand implements Runnable {
    public enum Format { raw, qcow2 }

    public enum Fs { none, hjfs, gefs, cwfs }

    @Mixin
    OutputOptions out;

    @Mixin
    TreeOption tree;

    @Mixin
    ArchOption arch;

    @Option(names = "-o", paramLabel = "FILE", required = true, description = "The image file to write.")
    Path output;

    @Option(names = "--format", defaultValue = "raw", description = "raw (default) or qcow2.")
    Format format;

    @Option(names = "--size", defaultValue = "2G", description = "Disk size, e.g. 512M, 2G (default 2G).")
    String size;

    @Option(names = "--fs", defaultValue = "none",
            description = "Root file system: none (default: an empty fs partition), hjfs, gefs, cwfs (not yet).")
    Fs fs;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Extra plan9.ini line (repeatable).")
    List<String> settings = new ArrayList<>();

    @Option(names = "--models-file", paramLabel = "FILE",
            description = "Extra hardware models for the manifest's hints (repeatable).")
    List<Path> modelFiles = new ArrayList<>();

    @Override
    public void run() {
        Path root = tree.root();
        Path image = Inputs.outputFile(output, "-o");
        long bytes = SizeParser.bytes(size);
        for (String s : settings) {
            if (!s.matches("[^=\\s]+=.*")) {
                throw AntsException.badInput("--set " + s + " is not KEY=VALUE", "e.g. --set console=0");
            }
        }
        // refuse a bad size or --set before minutes of kernel building
        DiskLayout.forBytes(bytes);
        Plan9Ini.text("9pc64", settings);
        if (fs != Fs.none) {
            throw new AntsException(ExitCode.ENVIRONMENT,
                    "not implemented yet: formatting a root file system happens in the guest (--fs " + fs + ")",
                    "use --fs none for a boot disk with an empty fs partition");
        }
        List<ModelHint> hints = ModelCatalog.load(modelFiles).all().stream()
                .map(m -> new ModelHint(m.name(), m.disk9(), m.uefi())).toList();

        long t0 = System.nanoTime();
        Path work = tempDir();
        // a signal ends the JVM through shutdown hooks only: remove the kernel copies there too
        Thread cleanup = new Thread(() -> FileTrees.deleteQuietly(work), "remove image work dir");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            Arch a = arch.arch();
            Path cache = HostToolchain.defaultCacheRoot();
            // the ANTS kernel; a 386 build also yields the boot loaders
            Path kernel = KernelBuild.build(root, a, work.resolve("kernel"), cache, PatchSetSource.builtIn(), out.progress());
            Path loaderDir = work.resolve("kernel");
            if (a != Arch.I386) {
                // PC boot code is 386 code whatever the kernel; the stock 386 build makes it (cached)
                loaderDir = work.resolve("loaders");
                KernelBuild.build(root, Arch.I386, loaderDir, cache, (dev.ants.patch.PatchSet) null, out.progress());
            }
            DiskImageSpec spec = new DiskImageSpec(a.objtype, kernel, BootLoaders.in(loaderDir), bytes,
                    format == Format.qcow2 ? ImageFormat.QCOW2 : ImageFormat.RAW, settings, hints);
            DiskImageBuilder.Result r = DiskImageBuilder.build(spec, image, out.progress());
            double secs = (System.nanoTime() - t0) / 1e9;
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("image", r.image().toString());
            summary.put("manifest", r.manifest().toString());
            summary.put("seconds", Math.round(secs * 10) / 10.0);
            summary.put("contents", r.contents());
            out.print(summary, String.format("%s (%s, %s, fs none) and %s written in %.1f s",
                    r.image(), format, size, r.manifest().getFileName(), secs));
        } finally {
            FileTrees.deleteQuietly(work);
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("ants-image-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
