package dev.ants.core.manifest;

import dev.ants.core.AntsException;
import dev.ants.core.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reading and writing the JSON manifests ants leaves next to its outputs. */
final class Manifests {
    private Manifests() {
    }

    static <T> T read(Path file, Class<T> type, String whatWroteIt) {
        if (!Files.isRegularFile(file)) {
            throw AntsException.badInput(file + " does not exist", "it is written by " + whatWroteIt + "; run that first");
        }
        try {
            return Json.JSON.readValue(file.toFile(), type);
        } catch (IOException e) {
            throw AntsException.badInput(file + " is not a valid manifest: " + e.getMessage().lines().findFirst().orElse(""),
                    "run " + whatWroteIt + " again to rewrite it");
        }
    }

    static void write(Path file, Object manifest) throws IOException {
        Files.writeString(file, Json.write(manifest) + "\n");
    }
}
