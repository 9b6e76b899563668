package dev.ants.core.manifest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code kernel.json}, written next to a kernel by the host build: the tree, the architecture, the
 * patches applied, the toolchain, and the sha256 of every output (the kernel, and the 386 loaders).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record KernelManifest(
        @JsonUnwrapped TreeIdentity source,
        String arch,
        String config,
        List<String> patches,
        String toolchain,
        Map<String, String> outputs) {
    public static final String FILE = "kernel.json";

    public static KernelManifest read(Path dir) {
        return Manifests.read(dir.resolve(FILE), KernelManifest.class, "ants kernel");
    }

    public void write(Path dir) throws IOException {
        Manifests.write(dir.resolve(FILE), this);
    }
}
