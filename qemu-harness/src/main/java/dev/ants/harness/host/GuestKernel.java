package dev.ants.harness.host;

import dev.ants.core.AntsException;
import dev.ants.core.FileTrees;
import dev.ants.core.cleanup.Leftovers;
import dev.ants.core.host.HostProcess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Linux kernel the harness's own tests boot (with an initramfs they write), found in one place for
 * the tests and {@code ants doctor}. It is never installed as a package on the user's machine: the
 * doctor fetches Debian's kernel package with {@code apt-get download} and unpacks it with
 * {@code dpkg-deb -x} into the ants cache ({@code $XDG_CACHE_HOME/ants/linux-guest/VERSION/{boot,lib}}).
 */
public final class GuestKernel {
    /** The meta package whose dependency names the current kernel package. */
    static final String META = "linux-image-amd64";

    /** A kernel and, when it has them, its modules directory (holding kernel/...). */
    public record Found(Path kernel, Path modulesDir, String origin) {
    }

    private GuestKernel() {
    }

    /**
     * {@code ${XDG_CACHE_HOME:-~/.cache}/ants/linux-guest}; under {@code sudo} (the README's
     * {@code sudo ./ants doctor --install}) the invoking user's, since that user runs the tests.
     */
    public static Path cacheDir() {
        return sudoUserHome().map(h -> h.resolve(".cache/ants")).orElse(AntsCache.root()).resolve("linux-guest");
    }

    /** The home of the user who ran sudo, when we are root through sudo and XDG_CACHE_HOME is not set. */
    private static Optional<Path> sudoUserHome() {
        String user = System.getenv("SUDO_USER");
        if (user == null || user.isBlank() || user.equals("root") || System.getenv("XDG_CACHE_HOME") != null
                || !"root".equals(System.getProperty("user.name"))) {
            return Optional.empty();
        }
        try {
            String[] pw = HostProcess.run(List.of("getent", "passwd", user), Duration.ofSeconds(10)).output().trim().split(":");
            return pw.length >= 6 && !pw[5].isEmpty() ? Optional.of(Path.of(pw[5])) : Optional.empty();
        } catch (IOException | InterruptedException e) {
            return Optional.empty();
        }
    }

    /**
     * ANTS_TEST_KERNEL when set; else the newest kernel with modules in the ants cache or /boot (with
     * /lib/modules); else any readable kernel found there (it boots, without the models' drivers).
     */
    public static Optional<Found> find() {
        return find(System.getenv("ANTS_TEST_KERNEL"), cacheDir(), Path.of("/boot"), Path.of("/lib/modules"));
    }

    static Optional<Found> find(String env, Path cache, Path bootDir, Path libModules) {
        if (env != null && !env.isBlank()) {
            Path k = Path.of(env);
            return Files.isReadable(k) ? Optional.of(new Found(k, modulesFor(k, libModules), "ANTS_TEST_KERNEL")) : Optional.empty();
        }
        List<Found> all = new ArrayList<>();
        for (Path version : newestFirst(cache)) {
            Path k = newest(version.resolve("boot"));
            if (k != null) all.add(new Found(k, modulesFor(k, version.resolve("lib/modules")), "ants cache"));
        }
        Path boot = newest(bootDir);
        if (boot != null) all.add(new Found(boot, modulesFor(boot, libModules), bootDir.toString()));
        return all.stream().filter(f -> Files.isReadable(f.kernel()) && f.modulesDir() != null).findFirst()
                .or(() -> all.stream().filter(f -> Files.isReadable(f.kernel())).findFirst());
    }

    /** Where find() looks, for a skip reason or the doctor. */
    public static String searched() {
        return "no readable Linux kernel in " + cacheDir() + " or /boot: run `ants doctor --install` (it unpacks Debian's "
                + "kernel package into the ants cache), or set ANTS_TEST_KERNEL";
    }

    /**
     * Downloads the package {@code linux-image-amd64} depends on and unpacks its boot/ and lib/ into the
     * cache; returns the kernel. Needs no root: apt-get download and dpkg-deb -x write only here.
     */
    public static Found fetch() throws IOException, InterruptedException {
        String pkg = currentPackage();
        Path cache = Files.createDirectories(cacheDir());
        Leftovers.removeStale(cache);
        Path done = cache.resolve(pkg.substring("linux-image-".length()));
        if (!Files.isDirectory(done)) {
            Path work = Files.createDirectory(cache.resolve(Leftovers.tempName(pkg)));
            try {
                List<String> download = new ArrayList<>(List.of("apt-get", "download", "-q"));
                // apt drops to the _apt user, which cannot write here; the download is verified by apt either way
                if ("root".equals(System.getProperty("user.name"))) download.addAll(List.of("-o", "APT::Sandbox::User=root"));
                download.add(pkg);
                must(HostProcess.run(download, work, null, Duration.ofMinutes(15)), "apt-get download " + pkg);
                Path deb;
                try (Stream<Path> s = Files.list(work)) {
                    deb = s.filter(p -> p.getFileName().toString().endsWith(".deb")).findFirst()
                            .orElseThrow(() -> AntsException.environment("apt-get download " + pkg + " left no .deb in " + work, "run it by hand to see why"));
                }
                Path root = work.resolve("root");
                must(HostProcess.run(List.of("dpkg-deb", "-x", deb.toString(), root.toString()), Duration.ofMinutes(10)), "dpkg-deb -x " + deb);
                Files.delete(deb);
                FileTrees.deleteQuietly(root.resolve("usr")); // documentation only
                giveToSudoUser(root);
                Files.move(root, done, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                FileTrees.deleteQuietly(work);
            }
        }
        return find().filter(f -> f.kernel().startsWith(done)).orElseThrow(() ->
                AntsException.environment(pkg + " unpacked into " + done + " holds no boot/vmlinuz-*", "remove " + done + " and retry"));
    }

    /** Under sudo the unpacked kernel belongs to the user who will boot it, not to root. */
    private static void giveToSudoUser(Path dir) throws IOException, InterruptedException {
        String uid = System.getenv("SUDO_UID");
        String gid = System.getenv("SUDO_GID");
        if (sudoUserHome().isEmpty() || uid == null || gid == null) return;
        Path cache = cacheDir();
        // the unpacked tree, and the cache directories root may have made for it on the way (~/.cache, ~/.cache/ants)
        must(HostProcess.run(List.of("chown", "-R", uid + ":" + gid, dir.toString(), cache.toString()), Duration.ofMinutes(2)), "chown " + dir);
        must(HostProcess.run(List.of("chown", uid + ":" + gid, cache.getParent().toString(), cache.getParent().getParent().toString()),
                Duration.ofMinutes(1)), "chown " + cache.getParent());
    }

    /** e.g. linux-image-6.1.0-57-amd64, from apt's view of the meta package. */
    static String currentPackage() throws IOException, InterruptedException {
        HostProcess.Result r = HostProcess.run(List.of("apt-cache", "depends", META), Duration.ofMinutes(1));
        for (String line : r.output().split("\n")) {
            String t = line.trim();
            if (t.startsWith("Depends: linux-image-")) return t.substring("Depends: ".length()).trim();
        }
        throw AntsException.environment("apt-cache knows no kernel package behind " + META + ": " + r.tail(2),
                "run apt-get update (the package lists may be missing), then retry");
    }

    private static void must(HostProcess.Result r, String what) {
        if (!r.ok()) throw AntsException.environment(what + " failed (status " + r.status() + "): " + r.tail(3), "check access to Debian's archive");
    }

    private static Path modulesFor(Path kernel, Path modulesRoot) {
        String version = kernel.getFileName().toString().replaceFirst("^vmlinu[xz]-", "");
        Path d = modulesRoot.resolve(version);
        return Files.isDirectory(d.resolve("kernel")) ? d : null;
    }

    private static Path newest(Path bootDir) {
        return newestFirst(bootDir).stream().filter(p -> p.getFileName().toString().startsWith("vmlinuz-")).findFirst().orElse(null);
    }

    private static List<Path> newestFirst(Path dir) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed()).toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
