package dev.ants.core.manifest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code userland.json}, written at the top of a built userland (a Plan 9 root): counts, a digest over
 * every file's sha256, the directories that failed (known failures with their reason, and others with
 * mk's message), and each file's sha256.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record UserlandManifest(
        @JsonUnwrapped TreeIdentity source,
        String arch,
        String toolchain,
        int binaries,
        int files,
        String digest,
        Map<String, String> toleratedFailures,
        Map<String, String> failures,
        Map<String, String> sha256) {
    public static final String FILE = "userland.json";

    public static UserlandManifest read(Path dir) {
        return Manifests.read(dir.resolve(FILE), UserlandManifest.class, "ants userland");
    }

    public void write(Path dir) throws IOException {
        Manifests.write(dir.resolve(FILE), this);
    }
}
