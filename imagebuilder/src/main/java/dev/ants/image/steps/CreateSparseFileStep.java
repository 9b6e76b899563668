package dev.ants.image.steps;

import dev.ants.core.pipeline.Step;
import dev.ants.core.progress.Progress;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

/** Creates the image file at its full size without writing the zeros (sparse on Linux file systems). */
public final class CreateSparseFileStep implements Step<Path> {
    private final Path file;
    private final long bytes;

    public CreateSparseFileStep(Path file, long bytes) {
        this.file = file;
        this.bytes = bytes;
    }

    @Override
    public String description() {
        return "create sparse disk of " + bytes + " bytes";
    }

    @Override
    public Path run(Progress progress) throws Exception {
        Files.deleteIfExists(file);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(bytes);
        }
        return file;
    }
}
