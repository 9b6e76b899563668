package dev.ants.image.hjfs;

import dev.ants.core.AntsException;
import dev.ants.core.progress.Progress;
import dev.ants.image.root.RootEntry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.ants.image.hjfs.HjfsBlocks.BLOCK;
import static dev.ants.image.hjfs.HjfsBlocks.DENTRIES_PER_BLOCK;
import static dev.ants.image.hjfs.HjfsBlocks.NDIRECT;
import static dev.ants.image.hjfs.HjfsBlocks.NINDIRECT;
import static dev.ants.image.hjfs.HjfsBlocks.OFFSETS_PER_BLOCK;
import static dev.ants.image.hjfs.HjfsBlocks.PAYLOAD;

/**
 * Writes a whole hjfs file system holding a root, on the host: what reaming the partition and
 * unpacking the root into it in a guest leaves, minus the minutes of TCG. Blocks are handed out in
 * one pass over the entries in path order (a directory's entry blocks or a file's data, then its
 * indirect blocks), and written in that same order, so the partition is written front to back once
 * and one root always gives the same bytes. Every block after the last one used stays a hole.
 */
public final class HjfsWriter {
    /** What was written: the file system's size and its used blocks, in 4096-byte blocks. */
    public record Result(long blocks, long used, int files) {
    }

    /** A file or directory, with the blocks it was given. */
    private static final class Node {
        final RootEntry entry;
        final String name;
        final List<Node> kids = new ArrayList<>();
        long qid;
        short uid = -1;
        short gid = -1;
        long first;
        long count;
        final long[] ib = new long[NINDIRECT];
        final List<Indirect> indirects = new ArrayList<>();

        Node(RootEntry entry, String name) {
            this.entry = entry;
            this.name = name;
        }

        boolean dir() {
            return entry == null || entry.dir();
        }
    }

    private record Indirect(long block, long[] offsets) {
    }

    private final HjfsUsers users;
    private final long time;
    private final long size;
    private long next;
    private long qids = HjfsBlocks.FIRST_QID;

    private HjfsWriter(HjfsUsers users, long time, long size) {
        this.users = users;
        this.time = time;
        this.size = size;
    }

    /**
     * Writes the file system into {@code bytes} bytes of {@code ch} from byte {@code offset}; the
     * region must read as zeros beyond what is written (a new sparse image does).
     */
    public static Result write(FileChannel ch, long offset, long bytes, List<RootEntry> entries, HjfsUsers users,
                               long time, Progress progress) throws IOException {
        HjfsWriter w = new HjfsWriter(users, time, bytes / BLOCK);
        List<Node> order = w.plan(entries);
        long fileBytes = entries.stream().filter(e -> !e.dir()).mapToLong(RootEntry::length).sum();
        progress.total(fileBytes);
        try (BlockSink out = new BlockSink(ch, offset)) {
            out.put(0, HjfsBlocks.superblock(w.size, 1 + HjfsBlocks.refBlocks(w.size), w.qids));
            for (long i = 0; i < HjfsBlocks.refBlocks(w.size); i++) out.put(1 + i, HjfsBlocks.refBlock(i, w.next, w.size));
            long done = 0;
            for (Node n : order) {
                if (n.dir()) w.writeDirectory(n, out);
                else done += w.writeFile(n, out);
                for (Indirect in : n.indirects) out.put(in.block(), HjfsBlocks.indirect(in.offsets()));
                if (!n.dir()) progress.advance(done, n.entry.path());
            }
        }
        return new Result(w.size, w.next, (int) entries.stream().filter(e -> !e.dir()).count());
    }

    /** The tree of nodes, with qids and blocks given out; the nodes in the order their blocks lie. */
    private List<Node> plan(List<RootEntry> entries) {
        Node root = new Node(null, "/");
        root.qid = HjfsBlocks.ROOT_QID;
        Map<String, Node> byPath = new HashMap<>();
        byPath.put("", root);
        List<Node> order = new ArrayList<>();
        order.add(root);
        for (RootEntry e : entries) {
            int slash = e.path().lastIndexOf('/');
            String name = e.path().substring(slash + 1);
            if (!HjfsBlocks.nameFits(name)) {
                throw AntsException.badInput("/" + e.path() + ": hjfs takes names of at most 255 bytes", "rename the file in the inputs");
            }
            Node parent = byPath.get(slash < 0 ? "" : e.path().substring(0, slash));
            if (parent == null || !parent.dir()) throw new IllegalArgumentException("/" + e.path() + " comes before its directory");
            Node n = new Node(e, name);
            n.qid = qids++;
            n.uid = users.id(e.uid(), e.path());
            n.gid = users.id(e.gid(), e.path());
            parent.kids.add(n);
            if (e.dir()) byPath.put(e.path(), n);
            order.add(n);
        }
        // the superblock, the reference blocks, then the root's own block with its two entries
        next = 1 + HjfsBlocks.refBlocks(size) + 1;
        for (Node n : order) {
            n.count = n.dir() ? (n.kids.size() + DENTRIES_PER_BLOCK - 1) / DENTRIES_PER_BLOCK
                    : (n.entry.length() + PAYLOAD - 1) / PAYLOAD;
            n.first = next;
            next += n.count;
            planIndirect(n);
        }
        if (next > size) {
            throw AntsException.badInput(String.format("the root needs %d MiB of hjfs blocks; the partition holds %d MiB",
                    next * BLOCK >> 20, size * BLOCK >> 20), "give the disk more room with --size");
        }
        return order;
    }

    /** Content blocks past the direct ones hang off indirect trees of 1 to 4 levels, as hjfs reads them. */
    private void planIndirect(Node n) {
        long at = NDIRECT;
        long per = 1;
        for (int level = 0; level < NINDIRECT && at < n.count; level++) {
            per *= OFFSETS_PER_BLOCK;
            long take = Math.min(per, n.count - at);
            n.ib[level] = indirect(n, level, n.first + at, take);
            at += take;
        }
        if (at < n.count) throw AntsException.badInput("/" + n.entry.path() + " is larger than hjfs files can be", "leave it out");
    }

    private long indirect(Node n, int level, long data, long count) {
        long[] offsets = new long[OFFSETS_PER_BLOCK];
        long block = next++;
        n.indirects.add(new Indirect(block, offsets));
        long per = 1;
        for (int i = 0; i < level; i++) per *= OFFSETS_PER_BLOCK;
        for (int k = 0; (long) k * per < count; k++) {
            long from = data + k * per;
            offsets[k] = level == 0 ? from : indirect(n, level - 1, from, Math.min(per, count - k * per));
        }
        return block;
    }

    private void writeDirectory(Node n, BlockSink out) throws IOException {
        if (n.entry == null) {
            // the root and the dump root: hjfs keeps both in the root block, the second with no dumps yet
            HjfsBlocks.Dentry main = dentry(n, "/", 0775);
            HjfsBlocks.Dentry dump = new HjfsBlocks.Dentry("/", (short) -1, (short) -1, 0775, HjfsBlocks.ROOT_QID,
                    HjfsBlocks.QTDIR, 0, new long[NDIRECT], new long[NINDIRECT], time);
            out.put(n.first - 1, HjfsBlocks.dentries(new HjfsBlocks.Dentry[]{main, dump}));
        }
        for (long b = 0; b < n.count; b++) {
            HjfsBlocks.Dentry[] ds = new HjfsBlocks.Dentry[DENTRIES_PER_BLOCK];
            for (int i = 0; i < DENTRIES_PER_BLOCK; i++) {
                long k = b * DENTRIES_PER_BLOCK + i;
                if (k >= n.kids.size()) break;
                Node kid = n.kids.get((int) k);
                ds[i] = dentry(kid, kid.name, kid.entry.mode() & 0777);
            }
            out.put(n.first + b, HjfsBlocks.dentries(ds));
        }
    }

    private HjfsBlocks.Dentry dentry(Node n, String name, int mode) {
        long[] db = new long[NDIRECT];
        for (int k = 0; k < NDIRECT && k < n.count; k++) db[k] = n.first + k;
        int type = n.entry == null ? HjfsBlocks.QTDIR : (int) (n.entry.planNineMode() >>> 24) & 0xff;
        long length = n.dir() ? n.count : n.entry.length();
        return new HjfsBlocks.Dentry(name, n.uid, n.gid, mode, n.qid, type, length, db, n.ib.clone(), time);
    }

    /** The file's bytes in 4095-byte payloads; returns its length. */
    private long writeFile(Node n, BlockSink out) throws IOException {
        RootEntry e = n.entry;
        try (InputStream in = e.content() != null ? new java.io.ByteArrayInputStream(e.content())
                : Files.newInputStream(e.source())) {
            for (long b = 0; b < n.count; b++) {
                ByteBuffer blk = HjfsBlocks.block(HjfsBlocks.Type.RAW);
                int want = (int) Math.min(PAYLOAD, e.length() - b * PAYLOAD);
                int got = in.readNBytes(blk.array(), 1, want);
                if (got < want) throw new IOException(e.source() + " shrank while the root was written");
                out.put(n.first + b, blk);
            }
        }
        return e.length();
    }
}
