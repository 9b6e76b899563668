package dev.ants.image;

import dev.ants.core.AntsException;
import dev.ants.core.ExitCode;
import dev.ants.core.FileTrees;
import dev.ants.core.Sha256;
import dev.ants.core.cleanup.Cleanup;
import dev.ants.core.cleanup.Leftovers;
import dev.ants.core.manifest.ImageManifest;
import dev.ants.core.pipeline.StepRunner;
import dev.ants.core.progress.Progress;
import dev.ants.image.disk.BaseDisk;
import dev.ants.image.disk.DiskLayout;
import dev.ants.image.steps.CopyBaseImageStep;
import dev.ants.image.steps.CompressImageStep;
import dev.ants.image.steps.ConvertQcow2Step;
import dev.ants.image.steps.CreateSparseFileStep;
import dev.ants.image.steps.HashImageStep;
import dev.ants.image.steps.WriteManifestStep;
import dev.ants.image.steps.WriteMbrStep;
import dev.ants.image.steps.WriteNineFatStep;
import dev.ants.image.steps.WritePrepTableStep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a bootable 9front disk image (layout: {@link DiskLayout}), fills its root through the spec's
 * filler when it has one, and writes its manifest FILE.json (and FILE.gz|xz|zst with --compress).
 * Everything goes to temporary files next to the output, renamed at the end by {@link Publisher}, so a
 * failure or an interrupt leaves neither a half image nor a stale manifest.
 */
public final class DiskImageBuilder {
    public record Result(Path image, Path manifest, ImageManifest contents) {
    }

    private DiskImageBuilder() {
    }

    public static Result build(DiskImageSpec spec, Path output, Progress progress) {
        Path out = output.toAbsolutePath().normalize();
        DiskLayout layout = spec.base() == null ? DiskLayout.forBytes(spec.sizeBytes(), spec.fs()) : null;
        String plan9ini = spec.plan9Ini();
        byte[] kernel = read(spec.kernel());
        StepRunner steps = new StepRunner(progress);
        Publisher pub = new Publisher(out, spec.compression());
        try (Cleanup.Registration r = Cleanup.onExit("remove partial image", pub::discard)) {
            pub.prepare(progress);
            Map<String, byte[]> files = new LinkedHashMap<>();
            files.put("plan9.ini", plan9ini.getBytes(StandardCharsets.US_ASCII));
            files.put(spec.kernelName(), kernel);
            files.putAll(spec.fatFiles());
            int id = diskSignature(spec, kernel);
            byte[] prep;
            Map<String, Object> described;
            long prepLba;
            if (spec.base() != null) {
                steps.run(new CopyBaseImageStep(spec.base(), pub.raw));
                BaseDisk b = BaseDisk.read(pub.raw, "--base " + spec.base());
                steps.run(new WriteNineFatStep(pub.raw, spec.loaders(), files, spec.epoch(), id, b.partitionLba(), b.nineFatSectors()));
                prep = b.prep().sector();
                prepLba = b.partitionLba() + 1;
                described = Map.of("base", spec.base().toString(), "partitionLba", b.partitionLba(), "prep", b.prep().text());
            } else {
                steps.run(new CreateSparseFileStep(pub.raw, layout.bytes()));
                steps.run(new WriteMbrStep(pub.raw, layout, spec.loaders().mbr(), id));
                steps.run(new WriteNineFatStep(pub.raw, spec.loaders(), files, spec.epoch(), id));
                prep = steps.run(new WritePrepTableStep(pub.raw, layout)).sector();
                prepLba = layout.prepTableLba();
                described = layout.describe();
                fill(spec, layout, pub.raw, progress);
            }
            String rawSum = steps.run(new HashImageStep(pub.raw));
            long virtual = Files.size(pub.raw);
            Path done = pub.raw;
            String sum = rawSum;
            if (spec.format() == ImageFormat.QCOW2) {
                done = steps.run(new ConvertQcow2Step(pub.raw, pub.qcow));
                Files.delete(pub.raw);
                sum = steps.run(new HashImageStep(done));
            }
            ImageManifest.Image image = new ImageManifest.Image(out.getFileName().toString(), spec.format().id(),
                    virtual, Files.size(done), sum, spec.format() == ImageFormat.RAW ? null : rawSum);
            ImageManifest manifest = ManifestBuilder.build(spec, described, prepLba, plan9ini, kernel, prep, image);
            if (spec.compression() != Compression.NONE) {
                Path z = steps.run(new CompressImageStep(done, pub.compressed, spec.compression()));
                manifest = manifest.withCompressed(new ImageManifest.Compressed(pub.compressedName(), spec.compression().id(),
                        Files.size(z), steps.run(new HashImageStep(z))));
            }
            steps.run(new WriteManifestStep(pub.json, manifest));
            return new Result(out, pub.publish(done), manifest);
        } catch (IOException e) {
            throw new AntsException(ExitCode.ENVIRONMENT, "writing image " + out + " failed: " + e,
                    "check free disk space and permissions in " + out.getParent(), e);
        } finally {
            pub.discard();
        }
    }

    private static void fill(DiskImageSpec spec, DiskLayout layout, Path raw, Progress progress) throws IOException {
        if (spec.filler() == null) return;
        try (Progress p = progress.child("fill the " + spec.fs().id() + " root")) {
            spec.filler().fill(raw, layout, p);
        } catch (AntsException | IOException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AntsException(ExitCode.INTERRUPTED, "interrupted while filling the root", "");
        } catch (Exception e) {
            throw new AntsException(ExitCode.ENVIRONMENT, "filling the root failed: " + e, "see the transcript", e);
        }
    }

    /**
     * The MBR's disk signature and the 9fat's volume serial: derived from the kernel and the date, so
     * the same inputs give the same numbers and different images rarely share one.
     */
    static int diskSignature(DiskImageSpec spec, byte[] kernel) {
        String h = Sha256.of(Sha256.of(kernel) + "/" + spec.epoch() + "/" + spec.fs().id());
        return (int) Long.parseLong(h.substring(0, 8), 16);
    }

    private static byte[] read(Path f) {
        try {
            return Files.readAllBytes(f);
        } catch (IOException e) {
            throw AntsException.badInput("kernel " + f + " cannot be read (" + e.getMessage() + ")", "check the path");
        }
    }

    /** The temporary files of one build and their move into place. */
    static final class Publisher {
        final Path out;
        final Path raw;
        final Path qcow;
        final Path json;
        final Path compressed;
        private final Compression compression;

        Publisher(Path out, Compression compression) {
            this.out = out;
            this.compression = compression;
            String tag = Leftovers.tempName(out.getFileName().toString());
            Path dir = out.getParent();
            raw = dir.resolve(tag + ".raw");
            qcow = dir.resolve(tag + ".qcow2");
            json = dir.resolve(tag + ".json");
            compressed = dir.resolve(tag + ".z");
        }

        void prepare(Progress progress) throws IOException {
            Files.createDirectories(out.getParent());
            for (Path p : Leftovers.removeStale(out.getParent())) progress.note("removed " + p + ", left by a run that was killed");
        }

        String compressedName() {
            return out.getFileName() + compression.extension;
        }

        /** Moves image, compressed copy and manifest into place; the manifest last, so it never describes a missing image. */
        Path publish(Path image) throws IOException {
            Path manifestOut = ImageManifest.pathFor(out);
            Path zOut = compression == Compression.NONE ? null : out.resolveSibling(compressedName());
            Files.move(image, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            try {
                if (zOut != null) Files.move(compressed, zOut, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                Files.move(json, manifestOut, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                Files.deleteIfExists(out); // an image without its manifest is not a result
                if (zOut != null) Files.deleteIfExists(zOut);
                throw e;
            }
            return manifestOut;
        }

        void discard() {
            for (Path t : List.of(raw, qcow, json, compressed)) FileTrees.deleteQuietly(t);
        }
    }
}
