package dev.ants.image;

import dev.ants.core.Sha256;
import dev.ants.core.AntsException;
import dev.ants.core.ExitCode;
import dev.ants.core.FileTrees;
import dev.ants.core.cleanup.Cleanup;
import dev.ants.core.cleanup.Leftovers;
import dev.ants.core.manifest.ImageManifest;
import dev.ants.core.pipeline.StepRunner;
import dev.ants.core.progress.Progress;
import dev.ants.image.disk.DiskLayout;
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
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a BIOS-bootable 9front disk image (layout: {@link DiskLayout}) and its manifest FILE.json.
 * Everything is written to temporary files next to the output and renamed at the end, so a failure or
 * an interrupt leaves neither a half image nor a stale manifest.
 */
public final class DiskImageBuilder {
    public record Result(Path image, Path manifest, ImageManifest contents) {
    }

    private DiskImageBuilder() {
    }

    public static Result build(DiskImageSpec spec, Path output, Progress progress) {
        Path out = output.toAbsolutePath().normalize();
        DiskLayout layout = DiskLayout.forBytes(spec.sizeBytes());
        String plan9ini = spec.plan9Ini();
        byte[] kernel = read(spec.kernel());
        StepRunner steps = new StepRunner(progress);

        Path dir = out.getParent();
        String tag = Leftovers.tempName(out.getFileName().toString());
        Path raw = dir.resolve(tag + ".raw");
        Path qcow = dir.resolve(tag + ".qcow2");
        Path json = dir.resolve(tag + ".json");
        List<Path> temps = List.of(raw, qcow, json);
        // Ctrl-C ends the JVM through shutdown hooks without running finally blocks: clean up there too
        Cleanup.Registration cleanup = Cleanup.onExit("remove partial image", () -> temps.forEach(FileTrees::deleteQuietly));
        try {
            Files.createDirectories(dir);
            for (Path p : Leftovers.removeStale(dir)) progress.note("removed " + p + ", left by a run that was killed");
            steps.run(new CreateSparseFileStep(raw, layout.bytes()));
            steps.run(new WriteMbrStep(raw, layout, spec.loaders().mbr()));
            Map<String, byte[]> files = new LinkedHashMap<>();
            files.put("plan9.ini", plan9ini.getBytes(StandardCharsets.US_ASCII));
            files.put(spec.kernelName(), kernel);
            steps.run(new WriteNineFatStep(raw, spec.loaders(), files));
            byte[] prep = steps.run(new WritePrepTableStep(raw, layout)).sector();

            String rawSum = steps.run(new HashImageStep(raw));
            Path done = raw;
            String sum = rawSum;
            if (spec.format() == ImageFormat.QCOW2) {
                done = steps.run(new ConvertQcow2Step(raw, qcow));
                Files.delete(raw);
                sum = steps.run(new HashImageStep(done));
            }
            ImageManifest.Image image = new ImageManifest.Image(out.getFileName().toString(), spec.format().id(),
                    layout.bytes(), Files.size(done), sum, spec.format() == ImageFormat.RAW ? null : rawSum);
            ImageManifest manifest = ManifestBuilder.build(spec, layout, plan9ini, kernel, prep, image);
            steps.run(new WriteManifestStep(json, manifest));

            Path manifestOut = ImageManifest.pathFor(out);
            Files.move(done, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            try {
                Files.move(json, manifestOut, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                Files.deleteIfExists(out); // an image without its manifest is not a result
                throw e;
            }
            return new Result(out, manifestOut, manifest);
        } catch (IOException e) {
            throw new AntsException(ExitCode.ENVIRONMENT, "writing image " + out + " failed: " + e,
                    "check free disk space and permissions in " + dir, e);
        } finally {
            cleanup.close();
            List<Path> left = new ArrayList<>();
            for (Path t : temps) {
                try {
                    Files.deleteIfExists(t);
                } catch (IOException e) {
                    left.add(t);
                }
            }
            if (!left.isEmpty()) progress.note("could not remove temporary files " + left);
        }
    }

    private static byte[] read(Path f) {
        try {
            return Files.readAllBytes(f);
        } catch (IOException e) {
            throw AntsException.badInput("kernel " + f + " cannot be read (" + e.getMessage() + ")", "check the path");
        }
    }
}
