package dev.ants.pipeline;

import dev.ants.core.manifest.KernelManifest;

import java.nio.file.Path;

/** A built kernel file and the manifest written beside it. */
public record Kernel(Path file, KernelManifest manifest) {
}
