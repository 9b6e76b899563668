package dev.ants.harness.fileserver;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;

/** A host file as 9P sees it: its qid and its stat(5) entry. Links are followed. */
final class ServedFile {
    private ServedFile() {
    }

    static NinePCodec.Qid qid(Path p) throws IOException {
        return qid(p, Files.readAttributes(p, PosixFileAttributes.class));
    }

    private static NinePCodec.Qid qid(Path p, PosixFileAttributes a) throws IOException {
        // inode and device make the path unique on the host, as a qid path must be on the server
        long ino = ((Number) Files.getAttribute(p, "unix:ino")).longValue();
        long dev = ((Number) Files.getAttribute(p, "unix:dev")).longValue();
        int version = (int) (a.lastModifiedTime().toMillis() / 1000) ^ (int) a.size();
        return new NinePCodec.Qid(a.isDirectory() ? NinePCodec.QTDIR : 0, version, ino ^ (dev << 40));
    }

    /** The stat entry, {@code size[2]} first, named {@code name} (the root is "/"). */
    static byte[] stat(Path p, String name) throws IOException {
        PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class);
        NinePCodec.Qid q = qid(p, a);
        int mode = perm(a) | (a.isDirectory() ? NinePCodec.DMDIR : 0);
        int mtime = (int) (a.lastModifiedTime().toMillis() / 1000);
        int atime = (int) (a.lastAccessTime().toMillis() / 1000);
        byte[][] s = {utf8(name), utf8(a.owner().getName()), utf8(a.group().getName()), utf8(a.owner().getName())};
        int size = 2 + 4 + 13 + 4 + 4 + 4 + 8;
        for (byte[] x : s) size += 2 + x.length;
        ByteBuffer b = ByteBuffer.allocate(2 + size).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) size).putShort((short) 0).putInt(0);
        b.put((byte) q.type()).putInt(q.version()).putLong(q.path());
        b.putInt(mode).putInt(atime).putInt(mtime).putLong(a.isDirectory() ? 0 : a.size());
        for (byte[] x : s) b.putShort((short) x.length).put(x);
        return b.array();
    }

    private static int perm(PosixFileAttributes a) {
        int m = 0;
        for (PosixFilePermission p : a.permissions()) m |= 1 << (8 - p.ordinal()); // OWNER_READ is 0400
        return m;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
