package dev.ants.harness.selftest;

import org.apache.commons.compress.archivers.cpio.CpioArchiveEntry;
import org.apache.commons.compress.archivers.cpio.CpioArchiveOutputStream;
import org.apache.commons.compress.archivers.cpio.CpioConstants;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * A Linux initramfs: a cpio archive in the "newc" format the kernel unpacks, optionally gzip-compressed.
 * Entries are kept in insertion order with parents first, as the kernel creates them in archive order.
 */
public final class Initramfs {
    private record Entry(long mode, byte[] data, int rdevMajor, int rdevMinor) {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    public Initramfs dir(String path) {
        parents(path);
        entries.putIfAbsent(path, new Entry(CpioConstants.C_ISDIR | 0755, new byte[0], 0, 0));
        return this;
    }

    public Initramfs file(String path, byte[] data, int perm) {
        parents(path);
        entries.put(path, new Entry(CpioConstants.C_ISREG | perm, data, 0, 0));
        return this;
    }

    public Initramfs file(String path, Path from, int perm) throws IOException {
        return file(path, Files.readAllBytes(from), perm);
    }

    public Initramfs text(String path, String content, int perm) {
        return file(path, content.getBytes(StandardCharsets.UTF_8), perm);
    }

    public Initramfs charDevice(String path, int major, int minor, int perm) {
        parents(path);
        entries.put(path, new Entry(CpioConstants.C_ISCHR | perm, new byte[0], major, minor));
        return this;
    }

    public Initramfs symlink(String path, String target) {
        parents(path);
        entries.put(path, new Entry(CpioConstants.C_ISLNK | 0777, target.getBytes(StandardCharsets.UTF_8), 0, 0));
        return this;
    }

    private void parents(String path) {
        int slash = path.lastIndexOf('/');
        if (slash > 0) dir(path.substring(0, slash));
    }

    /** Writes the archive to a temp file and renames it into place, so a reader never sees half of it. */
    public void write(Path target, boolean gzip) throws IOException {
        Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), ".initramfs", ".tmp");
        try {
            try (OutputStream file = Files.newOutputStream(tmp);
                 OutputStream out = gzip ? new GZIPOutputStream(file, 1 << 16) : file;
                 CpioArchiveOutputStream cpio = new CpioArchiveOutputStream(out, CpioConstants.FORMAT_NEW)) {
                long ino = 1;
                for (Map.Entry<String, Entry> e : entries.entrySet()) {
                    Entry v = e.getValue();
                    CpioArchiveEntry ce = new CpioArchiveEntry(CpioConstants.FORMAT_NEW, e.getKey());
                    ce.setMode(v.mode());
                    ce.setInode(ino++);
                    ce.setNumberOfLinks((v.mode() & CpioConstants.S_IFMT) == CpioConstants.C_ISDIR ? 2 : 1);
                    ce.setTime(0); // reproducible
                    ce.setSize(v.data().length);
                    ce.setRemoteDeviceMaj(v.rdevMajor());
                    ce.setRemoteDeviceMin(v.rdevMinor());
                    cpio.putArchiveEntry(ce);
                    cpio.write(v.data());
                    cpio.closeArchiveEntry();
                }
                cpio.finish();
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
