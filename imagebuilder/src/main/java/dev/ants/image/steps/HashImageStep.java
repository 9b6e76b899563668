package dev.ants.image.steps;

import dev.ants.core.Sha256;
import dev.ants.core.pipeline.Step;
import dev.ants.core.progress.Progress;

import java.nio.file.Path;

/** sha256 of a whole image file, for the manifest. */
public final class HashImageStep implements Step<String> {
    private final Path image;

    public HashImageStep(Path image) {
        this.image = image;
    }

    @Override
    public String description() {
        return "hash " + image.getFileName();
    }

    @Override
    public String run(Progress progress) throws Exception {
        return Sha256.of(image);
    }
}
