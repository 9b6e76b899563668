package dev.ants.harness.container;

import dev.ants.core.AntsException;
import dev.ants.core.host.HostProcess;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The container image QEMU runs in, made from this host's own files because no registry is reachable:
 * qemu-system-x86_64 and qemu-img with the shared libraries ldd names, QEMU's module directory (TCG and
 * virtio display modules), its firmware directories (as {@code qemu -L help} lists them) and OVMF, and a
 * static busybox as /bin/sh. The tar is {@code docker import}ed as {@code ants-qemu:<hash of the files>},
 * so it is rebuilt only when one of those files changes (e.g. a QEMU upgrade).
 */
public final class QemuImage {
    public static final String REPOSITORY = "ants-qemu";
    private static final Pattern LDD_PATH = Pattern.compile("(?:=>\\s+)?(/\\S+)\\s+\\(0x");
    /** Modules QEMU loads for what the harness uses (TCG, virtio displays); the rest pulls in GUI libraries. */
    private static final Pattern WANTED_MODULE = Pattern.compile("accel-.*\\.so|hw-display-virtio-(gpu|gpu-pci|vga)\\.so");
    private static final List<String> OVMF_DIRS = List.of("/usr/share/OVMF", "/usr/share/ovmf", "/usr/share/edk2");
    private static final Map<String, String> BUILT = new ConcurrentHashMap<>();

    private QemuImage() {
    }

    /** The image's tag, importing it first when Docker does not have it yet (once per JVM and QEMU). */
    public static String ensure(String qemuBinary, String qemuImgBinary) throws IOException, InterruptedException {
        String key = qemuBinary + "\0" + qemuImgBinary;
        String tag = BUILT.get(key);
        if (tag != null) return tag;
        synchronized (QemuImage.class) {
            tag = BUILT.get(key);
            if (tag != null) return tag;
            RootFs fs = rootFs(qemuBinary, qemuImgBinary);
            tag = REPOSITORY + ":" + hash(fs).substring(0, 16);
            if (!docker(List.of("docker", "image", "inspect", "--format", "{{.Id}}", tag)).ok()) importImage(fs, tag);
            BUILT.put(key, tag);
            return tag;
        }
    }

    /**
     * The image's files: path in the image → host file (symbolic links followed: firmware directories link
     * across packages), and symbolic links: path → target.
     */
    record RootFs(Map<String, Path> files, Map<String, String> links) {
    }

    static RootFs rootFs(String qemuBinary, String qemuImgBinary) throws IOException, InterruptedException {
        Map<String, Path> files = new TreeMap<>();
        Map<String, String> links = new TreeMap<>();
        links.put("/bin/sh", "busybox");
        // QEMU finds its firmware and modules relative to its real location, so the binaries go there,
        // with a link from the name the harness calls them by when that differs.
        Path qemu = real(onPath(qemuBinary), links);
        Path qemuImg = real(onPath(qemuImgBinary), links);
        List<Path> elves = new ArrayList<>(List.of(qemu, qemuImg));
        Path moduleDir = moduleDir(qemu);
        if (moduleDir != null) {
            try (Stream<Path> s = Files.list(moduleDir)) {
                s.filter(p -> WANTED_MODULE.matcher(p.getFileName().toString()).matches()).forEach(elves::add);
            }
        }
        for (Path elf : elves) {
            files.put(elf.toString(), elf);
            for (String lib : sharedLibraries(elf)) files.put(lib, Path.of(lib));
        }
        Set<String> dataDirs = new TreeSet<>(firmwareDirs(qemu));
        dataDirs.addAll(OVMF_DIRS);
        for (String d : dataDirs) addTree(files, Path.of(d));
        Path busybox = Path.of("/bin/busybox");
        if (!Files.isRegularFile(busybox) || !sharedLibraries(busybox).isEmpty()) {
            throw AntsException.environment("the container image needs a static /bin/busybox for its shell", "apt-get install busybox-static");
        }
        files.put("/bin/busybox", busybox);
        return new RootFs(files, links);
    }

    private static Path real(Path p, Map<String, String> links) throws IOException {
        Path r = p.toRealPath();
        if (!r.equals(p)) links.put(p.toString(), r.toString());
        return r;
    }

    /** SHA-256 over every path and content, in path order: the image tag changes exactly when a file does. */
    static String hash(RootFs fs) throws IOException {
        Map<String, Path> files = fs.files();
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buf = new byte[1 << 16];
        for (Map.Entry<String, Path> e : files.entrySet()) {
            md.update((e.getKey() + "\0" + (Files.isExecutable(e.getValue()) ? "x" : "-") + "\0").getBytes(StandardCharsets.UTF_8));
            try (InputStream in = Files.newInputStream(e.getValue())) {
                for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
            }
        }
        for (Map.Entry<String, String> l : fs.links().entrySet()) {
            md.update((l.getKey() + "\0->" + l.getValue() + "\0").getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** Writes the root file system as a tar (fixed times, so equal files give an equal tar) and imports it. */
    private static void importImage(RootFs fs, String tag) throws IOException, InterruptedException {
        Map<String, Path> files = fs.files();
        Path tar = Files.createTempFile("ants-qemu-rootfs", ".tar");
        try {
            try (OutputStream out = Files.newOutputStream(tar); TarArchiveOutputStream t = new TarArchiveOutputStream(out)) {
                t.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                t.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
                Set<String> dirs = new TreeSet<>();
                List<String> all = new ArrayList<>(files.keySet());
                all.addAll(fs.links().keySet());
                for (String p : all) for (Path d = Path.of(p).getParent(); d != null && d.getNameCount() > 0; d = d.getParent()) dirs.add(d.toString());
                dirs.add("/tmp");
                for (String d : dirs) {
                    TarArchiveEntry e = new TarArchiveEntry(d.substring(1) + "/");
                    e.setMode(d.equals("/tmp") ? 01777 : 0755);
                    e.setModTime(0);
                    t.putArchiveEntry(e);
                    t.closeArchiveEntry();
                }
                for (Map.Entry<String, Path> f : files.entrySet()) {
                    TarArchiveEntry e = new TarArchiveEntry(f.getKey().substring(1));
                    e.setSize(Files.size(f.getValue()));
                    e.setMode(Files.isExecutable(f.getValue()) ? 0755 : 0644);
                    e.setModTime(0);
                    t.putArchiveEntry(e);
                    Files.copy(f.getValue(), t);
                    t.closeArchiveEntry();
                }
                for (Map.Entry<String, String> l : fs.links().entrySet()) {
                    if (files.containsKey(l.getKey())) continue;
                    TarArchiveEntry e = new TarArchiveEntry(l.getKey().substring(1), TarConstants.LF_SYMLINK);
                    e.setLinkName(l.getValue());
                    e.setModTime(0);
                    t.putArchiveEntry(e);
                    t.closeArchiveEntry();
                }
            }
            HostProcess.Result r = HostProcess.run(List.of("docker", "import", "--change", "ENV PATH=/usr/sbin:/usr/bin:/sbin:/bin",
                    "--change", "LABEL dev.ants.image=qemu", tar.toString(), tag), Duration.ofMinutes(5));
            if (!r.ok()) {
                throw AntsException.environment("docker import of the QEMU image " + tag + " failed: " + r.tail(3).trim(),
                        "check `docker info` and the free space of Docker's data root");
            }
        } finally {
            Files.deleteIfExists(tar);
        }
    }

    private static HostProcess.Result docker(List<String> cmd) throws IOException, InterruptedException {
        return HostProcess.run(cmd, Duration.ofSeconds(30));
    }

    /** Absolute paths of the libraries ldd names (the dynamic loader included); empty for a static binary. */
    static List<String> sharedLibraries(Path elf) throws IOException, InterruptedException {
        HostProcess.Result r = HostProcess.run(List.of("ldd", elf.toString()), Duration.ofSeconds(30));
        List<String> libs = new ArrayList<>();
        if (!r.ok()) return libs; // "not a dynamic executable"
        for (String line : r.output().split("\n")) {
            if (line.contains("not found")) {
                throw AntsException.environment(elf + " needs a library the host lacks: " + line.trim(), "reinstall qemu-system-x86");
            }
            Matcher m = LDD_PATH.matcher(line);
            if (m.find()) libs.add(m.group(1));
        }
        return libs;
    }

    /** The directories QEMU reads firmware from, as it reports them itself. */
    private static List<String> firmwareDirs(Path qemu) throws IOException, InterruptedException {
        HostProcess.Result r = HostProcess.run(List.of(qemu.toString(), "-L", "help"), Duration.ofSeconds(30));
        List<String> dirs = new ArrayList<>();
        if (!r.ok()) return dirs;
        for (String line : r.output().split("\n")) {
            if (line.startsWith("/")) dirs.add(Path.of(line.trim()).normalize().toString());
        }
        return dirs;
    }

    private static Path moduleDir(Path qemu) {
        Path prefix = qemu.getParent().getParent();
        for (String rel : List.of("lib/x86_64-linux-gnu/qemu", "lib64/qemu", "lib/qemu")) {
            Path d = prefix.resolve(rel);
            if (Files.isDirectory(d)) return d;
        }
        return null;
    }

    private static void addTree(Map<String, Path> files, Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return;
        try (Stream<Path> s = Files.walk(dir, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
            s.filter(Files::isRegularFile).forEach(p -> files.put(p.toString(), p));
        }
    }

    private static Path onPath(String binary) {
        if (binary.contains("/")) return Path.of(binary).toAbsolutePath();
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(d, binary);
            if (Files.isExecutable(p)) return p;
        }
        throw AntsException.environment(binary + " not found on PATH, so the container image cannot be made",
                "apt-get install qemu-system-x86 qemu-utils");
    }
}
