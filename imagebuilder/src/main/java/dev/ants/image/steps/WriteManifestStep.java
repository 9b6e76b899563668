package dev.ants.image.steps;

import dev.ants.core.manifest.ImageManifest;
import dev.ants.core.pipeline.Step;
import dev.ants.core.progress.Progress;

import java.nio.file.Path;

/** Writes the manifest JSON (to a temporary file the caller renames). */
public final class WriteManifestStep implements Step<Path> {
    private final Path file;
    private final ImageManifest manifest;

    public WriteManifestStep(Path file, ImageManifest manifest) {
        this.file = file;
        this.manifest = manifest;
    }

    @Override
    public String description() {
        return "write manifest";
    }

    @Override
    public Path run(Progress progress) throws Exception {
        manifest.write(file);
        return file;
    }
}
