package dev.ants.hostbuild;

import dev.ants.core.FileTrees;
import dev.ants.core.Sha256;
import dev.ants.core.cleanup.Leftovers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finished build outputs kept by the inputs that made them, so asking again for the same kernel costs
 * a stat walk of the tree instead of mk's up-to-date checks over every library and boot program. The
 * key sees what mk sees (every tree file's size and mtime) plus what mk cannot: the overlay's contents, the configuration, the date, the toolchain and ants's own build rules.
 */
final class OutputCache {
    /** Entries kept; older ones go when a new one is stored (a kernel is a few MiB). */
    static final int KEEP = 8;
    private static final String COMPLETE = ".complete";

    private final Path dir;

    OutputCache(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    /** Builds a key from named parts; each part is hashed with its name, so parts cannot run together. */
    static final class Key {
        private final MessageDigest md = Sha256.digest();

        Key part(String name, String value) {
            md.update((name + "=" + value + "\n").getBytes(StandardCharsets.UTF_8));
            return this;
        }

        /** Every file's path, size and mtime under {@code root} (git metadata left out); a missing root counts as empty. */
        Key stats(String name, Path root) throws IOException {
            part(name, root == null ? "-" : root.toAbsolutePath().normalize().toString());
            if (root == null || !Files.isDirectory(root)) return this;
            try {
                Files.walkFileTree(root, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) {
                        return d.getFileName() != null && d.getFileName().toString().equals(".git") && !d.equals(root)
                                ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path f, BasicFileAttributes a) {
                        md.update((root.relativize(f) + "\0" + a.size() + "\0" + a.lastModifiedTime().toMillis() + "\n")
                                .getBytes(StandardCharsets.UTF_8));
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                throw new IOException("cannot read " + root + ": " + e.getMessage(), e);
            }
            return this;
        }

        /** Every file's path and contents under {@code root}, for small trees whose mtimes change on every write. */
        Key contents(String name, Path root) throws IOException {
            part(name, root == null ? "-" : "dir");
            if (root == null || !Files.isDirectory(root)) return this;
            try (Stream<Path> s = Files.walk(root)) {
                for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
                    md.update((root.relativize(f) + "\0" + Sha256.of(f) + "\n").getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new IOException("cannot read " + root + ": " + e.getMessage(), e);
            }
            return this;
        }

        /** ants's own build code and data ({@link BuildCode}): new build rules, new key. */
        Key code() throws IOException {
            return part("code", BuildCode.digest());
        }

        String hex() {
            return Sha256.hex(md.digest()).substring(0, 32);
        }
    }

    /** The outputs stored under {@code key}, by name; empty when there is no complete entry. */
    Optional<Map<String, Path>> find(String key) {
        Path e = dir.resolve(key);
        if (!Files.isRegularFile(e.resolve(COMPLETE))) return Optional.empty();
        try {
            Map<String, Path> out = new LinkedHashMap<>();
            for (String name : Files.readAllLines(e.resolve(COMPLETE))) {
                Path f = e.resolve(name);
                if (!Files.isRegularFile(f)) return Optional.empty();
                out.put(name, f);
            }
            Files.setLastModifiedTime(e, FileTime.fromMillis(System.currentTimeMillis())); // recently used: pruned last
            return Optional.of(out);
        } catch (IOException ex) {
            return Optional.empty();
        }
    }

    /** Copies {@code outputs} in under {@code key}, whole or not at all, and drops the oldest entries past {@link #KEEP}. */
    void store(String key, Map<String, Path> outputs) throws IOException {
        Files.createDirectories(dir);
        Leftovers.removeStale(dir);
        Path tmp = dir.resolve(Leftovers.tempName(key));
        try {
            Files.createDirectories(tmp);
            for (Map.Entry<String, Path> o : outputs.entrySet()) {
                Files.copy(o.getValue(), tmp.resolve(o.getKey()), StandardCopyOption.REPLACE_EXISTING);
            }
            Files.write(tmp.resolve(COMPLETE), outputs.keySet());
            Path e = dir.resolve(key);
            FileTrees.deleteTree(e);
            Files.move(tmp, e, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            FileTrees.deleteTree(tmp);
        }
        prune();
    }

    private void prune() throws IOException {
        List<Path> entries = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> Files.isRegularFile(p.resolve(COMPLETE))).forEach(entries::add);
        }
        entries.sort(Comparator.comparing((Path p) -> p.toFile().lastModified()).reversed());
        for (Path old : entries.subList(Math.min(KEEP, entries.size()), entries.size())) FileTrees.deleteTree(old);
    }
}
