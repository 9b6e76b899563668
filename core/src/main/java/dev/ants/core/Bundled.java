package dev.ants.core;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Data files packaged with ants (patch set, plan9rc, suites), read where they are: inside the jar
 * when running from it, in target/classes when running from a build. Nothing is extracted; read what
 * you need before {@link #close()}.
 */
public final class Bundled implements AutoCloseable {
    private final Path root;
    private final FileSystem jar;
    private final String origin;

    private Bundled(Path root, FileSystem jar, String origin) {
        this.root = root;
        this.jar = jar;
        this.origin = origin;
    }

    /** The jar or classes directory that holds {@code anchor}. */
    public static Bundled of(Class<?> anchor) {
        Path location;
        try {
            location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            throw AntsException.environment("cannot locate the files bundled with ants: " + e, "rebuild ants");
        }
        if (Files.isDirectory(location)) return new Bundled(location, null, location.toString());
        try {
            FileSystem fs = FileSystems.newFileSystem(location);
            return new Bundled(fs.getPath("/"), fs, location.getFileName().toString());
        } catch (IOException e) {
            throw AntsException.environment("cannot open " + location + " to read the files bundled with ants: " + e,
                    "rebuild ants");
        }
    }

    public Path path(String relative) {
        return root.resolve(relative);
    }

    /** Where the files come from, for messages: the jar's name or the classes directory. */
    public String origin() {
        return origin;
    }

    @Override
    public void close() {
        if (jar == null) return;
        try {
            jar.close();
        } catch (IOException ignored) {
            // read-only zip file system: nothing to lose
        }
    }
}
