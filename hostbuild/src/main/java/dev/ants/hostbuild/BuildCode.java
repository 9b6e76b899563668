package dev.ants.hostbuild;

import dev.ants.core.Sha256;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The digest of the code and data that decide what a build makes: the build rules, the patches and
 * plan9rc, and the core they use, wherever they were loaded from (the shaded jar, module jars, class
 * directories). A change anywhere else in ants (the harness, the image writer, the CLI) leaves cached
 * kernels and userlands valid; keying on the whole jar rebuilt them for any change.
 */
final class BuildCode {
    /** Packages and data folders, by resource path; the modules hostbuild depends on. */
    static final List<String> PREFIXES = List.of("dev/ants/core", "dev/ants/patch", "dev/ants/hostbuild",
            "ants/kernel-patches", "ants/plan9rc");
    private static volatile String digest;

    private BuildCode() {
    }

    /** Computed once per process (a few hundred small entries). */
    static String digest() throws IOException {
        String d = digest;
        if (d == null) digest = d = compute(BuildCode.class.getClassLoader());
        return d;
    }

    static String compute(ClassLoader loader) throws IOException {
        MessageDigest md = Sha256.digest();
        for (String prefix : PREFIXES) {
            List<URL> where = Collections.list(loader.getResources(prefix));
            // code of unknown origin could be anything: a key no later build will match
            if (where.isEmpty()) return "unknown " + System.nanoTime();
            for (URL u : where) add(md, prefix, u);
        }
        return Sha256.hex(md.digest());
    }

    private static void add(MessageDigest md, String prefix, URL u) throws IOException {
        if (u.getProtocol().equals("jar")) {
            JarURLConnection c = (JarURLConnection) u.openConnection();
            c.setUseCaches(false);
            try (JarFile jar = c.getJarFile()) {
                for (JarEntry e : jar.stream().filter(e -> !e.isDirectory() && e.getName().startsWith(prefix + "/"))
                        .sorted(java.util.Comparator.comparing(JarEntry::getName)).toList()) {
                    try (InputStream in = jar.getInputStream(e)) {
                        entry(md, e.getName(), in.readAllBytes());
                    }
                }
            }
            return;
        }
        Path root;
        try {
            root = Path.of(u.toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IOException("cannot read ants's own code at " + u, e);
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
                entry(md, prefix + "/" + root.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void entry(MessageDigest md, String name, byte[] content) {
        md.update((name + "\0" + content.length + "\0").getBytes(StandardCharsets.UTF_8));
        md.update(content);
    }
}
