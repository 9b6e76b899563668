package dev.ants.image.steps;

import dev.ants.core.Json;
import dev.ants.core.pipeline.Step;
import dev.ants.core.progress.Progress;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Writes the manifest JSON (to a temporary file the caller renames). */
public final class WriteManifestStep implements Step<Path> {
    private final Path file;
    private final Map<String, Object> manifest;

    public WriteManifestStep(Path file, Map<String, Object> manifest) {
        this.file = file;
        this.manifest = manifest;
    }

    @Override
    public String description() {
        return "write manifest";
    }

    @Override
    public Path run(Progress progress) throws Exception {
        Files.writeString(file, Json.write(manifest) + "\n");
        return file;
    }
}
