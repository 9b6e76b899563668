package dev.ants.cli.commands;

import dev.ants.cli.ArchOption;
import dev.ants.cli.Configure;
import dev.ants.cli.Inputs;
import dev.ants.cli.OutputOptions;
import dev.ants.cli.TreeOption;
import dev.ants.image.DiskImageBuilder;
import dev.ants.image.Compression;
import dev.ants.image.ImageFormat;
import dev.ants.image.RootFs;
import dev.ants.pipeline.ImageRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Command(name = "image", mixinStandardHelpOptions = true,
        description = "Builds a bootable ANTS disk image and FILE.json (its manifest).")
public final class ImageCommand implements Runnable {
    @Mixin
    OutputOptions out;

    @Mixin
    TreeOption tree;

    @Mixin
    ArchOption arch;

    @Option(names = "-o", paramLabel = "FILE", required = true, description = "The image file to write.")
    Path output;

    @Option(names = "--format", defaultValue = "raw", description = "raw (default), qcow2, or iso (hybrid: CD, USB, UEFI).")
    String format;

    @Option(names = "--size", description = "Disk size, e.g. 512M, 2G (default 2G; with --fs cwfs 6G, for its cache).")
    String size;

    @Option(names = "--fs", defaultValue = "none",
            description = "Root file system: none (default: an empty fs partition), hjfs (written on the host), gefs, cwfs (filled in one guest pass).")
    String fs;

    @Option(names = "--compress", paramLabel = "gz|xz|zst",
            description = "Also write FILE.gz, FILE.xz or FILE.zst; FILE.json records its sha256.")
    String compress;

    @Option(names = "--base", paramLabel = "IMAGE",
            description = "A 9front release image (raw or qcow2): keep its root, put our kernel and plan9.ini in its 9fat.")
    Path base;

    @Option(names = "--userland", paramLabel = "DIR",
            description = "With --fs: the root's userland from an earlier 'ants userland -o DIR' instead of building it.")
    Path userland;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "plan9.ini line (repeatable), replacing a default with the same key.")
    List<String> settings = new ArrayList<>();

    @Option(names = "--models-file", paramLabel = "FILE",
            description = "Extra hardware models for the manifest's hints (repeatable).")
    List<Path> modelFiles = new ArrayList<>();

    @Override
    public void run() {
        RootFs root = RootFs.parse(fs);
        long bytes = size == null ? root.defaultSize() : SizeParser.bytes(size, "--size");
        ImageRequest req = new ImageRequest(Inputs.outputFile(output, "-o"), ImageFormat.parse(format),
                bytes, root, settings, Compression.parse(compress), base, userland);
        var ants = Configure.ants(tree.given(), arch.arch(), out.progress())
                .models(dev.ants.harness.model.ModelCatalog.load(modelFiles)).build();
        long t0 = System.nanoTime();
        DiskImageBuilder.Result r = ants.image(req);
        double secs = (System.nanoTime() - t0) / 1e9;
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("image", r.image().toString());
        summary.put("manifest", r.manifest().toString());
        summary.put("seconds", Math.round(secs * 10) / 10.0);
        summary.put("contents", r.contents());
        out.print(summary, String.format("%s (%s, %s, fs %s) and %s written in %.1f s",
                r.image(), format, size != null ? size : (bytes >> 30) + "G", req.fs().id(), r.manifest().getFileName(), secs));
    }
}
