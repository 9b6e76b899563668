package dev.ants.image.hjfs;

import dev.ants.core.AntsException;
import dev.ants.core.progress.Progress;
import dev.ants.image.root.RootEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The host-written hjfs read back the way hjfs reads it (superblock, reference counts, entries 9 to a
 * block, direct and indirect blocks): every file's bytes come back, every block in use is counted
 * exactly once and no other, and one root gives one image. The guest's own hjfs reads these images in
 * the tree-gated ImageRootTest.
 */
class HjfsWriterTest {
    static final String USERS = "-1:adm:adm:glenda\n0:none:adm:\n2:glenda:glenda:\n10000:sys::glenda\n";
    static final long TIME = 1_700_000_000L;
    @TempDir
    Path tmp;

    @Test
    void everyFileReadsBackAndEveryUsedBlockIsCountedOnce() throws Exception {
        List<RootEntry> root = root();
        Path img = write(root, 64L << 20, 8192);
        Reader r = new Reader(img, 8192);
        Map<String, byte[]> read = new HashMap<>();
        r.walk(r.rootBlock, 0, "", read);
        for (RootEntry e : root) {
            assertTrue(read.containsKey(e.path()), "/" + e.path() + " is in the file system");
            if (!e.dir()) assertArrayEquals(content(e), read.get(e.path()), "/" + e.path() + "'s bytes");
        }
        assertEquals(root.size(), read.size(), "nothing more");
        // the superblock and reference blocks count too; past the disk's end, "never free"
        for (long b = 0; b < r.size; b++) {
            int want = b < 1 + r.refBlocks || b == r.rootBlock || r.seen.containsKey(b) ? 1 : 0;
            assertEquals(want, r.ref(b), "reference count of block " + b);
        }
        assertEquals(0xffffff, r.ref(r.size), "the block after the disk's end is never free");
        assertEquals(HjfsBlocks.FIRST_QID + root.size(), r.nextQid, "the next qid follows the last one given out");
        assertEquals((short) 2, r.owner.get("usr/glenda"), "glenda's home is hers, by her number in /adm/users");
        assertEquals(0775, r.mode.get("usr/glenda"));
        assertEquals(HjfsBlocks.QTDIR, r.type.get("usr/glenda"));
    }

    @Test
    void oneRootGivesOneImage() throws Exception {
        List<RootEntry> root = root();
        assertArrayEquals(Files.readAllBytes(write(root, 64L << 20, 8192)), Files.readAllBytes(write(root, 64L << 20, 8192)));
    }

    @Test
    void aRootLargerThanThePartitionIsBadInputBeforeAnythingIsWritten() throws Exception {
        Path img = Files.createFile(tmp.resolve("small.img"));
        List<RootEntry> root = root();
        try (FileChannel ch = FileChannel.open(img, StandardOpenOption.WRITE)) {
            AntsException e = assertThrows(AntsException.class, () -> HjfsWriter.write(ch, 0, 1 << 20, root,
                    new HjfsUsers(USERS), TIME, Progress.SILENT));
            assertTrue(e.getMessage().contains("the partition holds 1 MiB"), e.getMessage());
        }
        assertEquals(0, Files.size(img));
    }

    @Test
    void anOwnerMissingFromTheUsersFileIsNamed() {
        List<RootEntry> root = List.of(new RootEntry("x", false, 0644, "tor", "tor", null, new byte[1], 1));
        AntsException e = assertThrows(AntsException.class, () -> write(root, 1 << 20, 0));
        assertTrue(e.getMessage().contains("/x is owned by 'tor'"), e.getMessage());
    }

    /** A directory past its 15 direct blocks, files through 1 and 2 levels of indirect blocks, empty ones. */
    private static List<RootEntry> root() {
        List<RootEntry> r = new ArrayList<>();
        Random rnd = new Random(9);
        r.add(dir("adm"));
        r.add(file("adm/users", USERS.getBytes(StandardCharsets.UTF_8)));
        r.add(dir("bin"));
        for (int i = 0; i < 200; i++) r.add(file(String.format("bin/c%03d", i), bytes(rnd, i * 37)));
        r.add(file("big", bytes(rnd, (HjfsBlocks.NDIRECT + HjfsBlocks.OFFSETS_PER_BLOCK + 500) * HjfsBlocks.PAYLOAD + 11)));
        r.add(file("empty", new byte[0]));
        r.add(dir("tmp"));
        r.add(dir("usr"));
        r.add(new RootEntry("usr/glenda", true, 0775, "glenda", "glenda", null, null, 0));
        r.add(file("usr/glenda/one-block", bytes(rnd, HjfsBlocks.PAYLOAD)));
        return r;
    }

    private static RootEntry dir(String p) {
        return new RootEntry(p, true, 0775, "sys", "sys", null, null, 0);
    }

    private static RootEntry file(String p, byte[] b) {
        return new RootEntry(p, false, 0664, "sys", "sys", null, b, b.length);
    }

    private static byte[] bytes(Random rnd, int n) {
        byte[] b = new byte[n];
        rnd.nextBytes(b);
        return b;
    }

    private static byte[] content(RootEntry e) {
        return e.content();
    }

    /** The file system written into an image from a byte offset, as into a partition. */
    private Path write(List<RootEntry> root, long bytes, long offset) throws IOException {
        Path img = Files.createTempFile(tmp, "hjfs", ".img");
        try (FileChannel ch = FileChannel.open(img, StandardOpenOption.WRITE)) {
            HjfsWriter.write(ch, offset, bytes, root, new HjfsUsers(USERS), TIME, Progress.SILENT);
        }
        return img;
    }

    /** Reads the format as hjfs does; notes which block each pointer reaches, failing on a block reached twice. */
    static final class Reader {
        final FileChannel ch;
        final long offset;
        final long size;
        final long refBlocks;
        final long rootBlock;
        final long nextQid;
        final Map<Long, String> seen = new HashMap<>();
        final Map<String, Short> owner = new HashMap<>();
        final Map<String, Integer> mode = new HashMap<>();
        final Map<String, Integer> type = new HashMap<>();

        Reader(Path img, long offset) throws IOException {
            this.ch = FileChannel.open(img);
            this.offset = offset;
            ByteBuffer sb = block(0, 1);
            assertEquals(HjfsBlocks.MAGIC, sb.getInt() & 0xffffffffL);
            size = sb.getLong();
            assertEquals(1, sb.getLong(), "fstart");
            refBlocks = sb.getLong() - 1;
            rootBlock = sb.getLong();
            nextQid = sb.getLong();
            assertEquals(refBlocks, (size * 3 + 4094) / 4095);
        }

        ByteBuffer block(long n, int type) throws IOException {
            ByteBuffer b = ByteBuffer.allocate(HjfsBlocks.BLOCK).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(b, offset + n * HjfsBlocks.BLOCK);
            b.flip();
            assertEquals(type, b.get(), "type of block " + n);
            return b;
        }

        int ref(long n) throws IOException {
            ByteBuffer b = block(1 + n / HjfsBlocks.REFS_PER_BLOCK, 4);
            int at = 1 + (int) (n % HjfsBlocks.REFS_PER_BLOCK) * 3;
            return (b.get(at) & 0xff) | (b.get(at + 1) & 0xff) << 8 | (b.get(at + 2) & 0xff) << 16;
        }

        void use(long n, String by) {
            String before = seen.put(n, by);
            assertNull(before, "block " + n + " is used by " + before + " and " + by);
        }

        /** Entry {@code index} of block {@code n}, and below it when a directory. */
        void walk(long n, int index, String path, Map<String, byte[]> out) throws IOException {
            ByteBuffer b = block(n, 2).position(1 + index * HjfsBlocks.DENTRY_SIZE);
            byte[] name = new byte[HjfsBlocks.NAME_LEN];
            b.get(name);
            short uid = b.getShort();
            b.getShort();
            b.getShort();
            int m = b.getShort() & 0xffff;
            b.getLong();
            b.getInt();
            int qt = b.get() & 0xff;
            long len = b.getLong();
            long[] db = new long[HjfsBlocks.NDIRECT + HjfsBlocks.NINDIRECT];
            for (int k = 0; k < db.length; k++) db[k] = b.getLong();
            assertTrue((m & HjfsBlocks.ALLOCATED) != 0, path + " is allocated");
            owner.put(path, uid);
            mode.put(path, m & 0777);
            type.put(path, qt);
            boolean dir = (qt & HjfsBlocks.QTDIR) != 0;
            long blocks = dir ? len : (len + HjfsBlocks.PAYLOAD - 1) / HjfsBlocks.PAYLOAD;
            byte[] data = new byte[dir ? 0 : (int) len];
            for (long k = 0; k < blocks; k++) {
                long at = address(db, k, path);
                use(at, path);
                if (!dir) {
                    ByteBuffer d = block(at, 0);
                    int take = (int) Math.min(HjfsBlocks.PAYLOAD, len - k * HjfsBlocks.PAYLOAD);
                    d.get(data, (int) (k * HjfsBlocks.PAYLOAD), take);
                    continue;
                }
                for (int i = 0; i < HjfsBlocks.DENTRIES_PER_BLOCK; i++) {
                    ByteBuffer e = block(at, 2);
                    int mm = e.getShort(1 + i * HjfsBlocks.DENTRY_SIZE + HjfsBlocks.NAME_LEN + 6) & 0xffff;
                    if ((mm & HjfsBlocks.ALLOCATED) == 0) continue;
                    byte[] nm = new byte[HjfsBlocks.NAME_LEN];
                    e.position(1 + i * HjfsBlocks.DENTRY_SIZE).get(nm);
                    String kid = new String(nm, StandardCharsets.UTF_8).replaceAll("\0.*", "");
                    walk(at, i, path.isEmpty() ? kid : path + "/" + kid, out);
                }
            }
            if (!path.isEmpty()) out.put(path, data);
        }

        /** hjfs's getblk: 15 direct, then trees of 341 offsets per level. */
        long address(long[] db, long k, String path) throws IOException {
            if (k < HjfsBlocks.NDIRECT) return db[(int) k];
            k -= HjfsBlocks.NDIRECT;
            long l = 1;
            int level = 0;
            for (; level < HjfsBlocks.NINDIRECT; level++) {
                l *= HjfsBlocks.OFFSETS_PER_BLOCK;
                if (k < l) break;
                k -= l;
            }
            long at = db[HjfsBlocks.NDIRECT + level];
            for (int j = 0; j <= level; j++) {
                l /= HjfsBlocks.OFFSETS_PER_BLOCK;
                String by = seen.get(at);
                if (by == null) use(at, path + " (indirect)");
                else assertEquals(path + " (indirect)", by, "indirect block " + at + " is shared");
                at = block(at, 3).getLong(1 + (int) (k / l) * 8);
                k %= l;
            }
            return at;
        }
    }
}
