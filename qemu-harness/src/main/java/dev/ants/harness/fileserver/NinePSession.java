package dev.ants.harness.fileserver;

import dev.ants.harness.fileserver.NinePCodec.Out;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.ants.harness.fileserver.NinePCodec.*;

/**
 * One client connection of a {@link RootFileServer}: its fids and its messages, answered in order
 * (a read-only tree has nothing a Tflush could interrupt). Nothing outside the root is reachable:
 * ".." stops at the root and a link that leads out of it does not exist.
 */
final class NinePSession implements Runnable {
    /** The largest msize offered: a Rread of 8 KiB plus headers, what 9front's mnt asks for. */
    static final int MAX_MSIZE = 8192 + IOHDRSZ;
    private static final String READ_ONLY = "read-only file system";

    private final Path root;
    private final Socket socket;
    private final Map<Integer, Fid> fids = new HashMap<>();
    private int msize = MAX_MSIZE;

    private static final class Fid {
        final Path path;
        FileChannel file;
        byte[] dir;
        int[] starts;
        boolean open;

        Fid(Path path) {
            this.path = path;
        }
    }

    private static final class Refused extends Exception {
        Refused(String why) {
            super(why, null, false, false);
        }
    }

    NinePSession(Path root, Socket socket) {
        this.root = root;
        this.socket = socket;
    }

    @Override
    public void run() {
        try (socket; InputStream in = new BufferedInputStream(socket.getInputStream());
             OutputStream out = new BufferedOutputStream(socket.getOutputStream())) {
            for (ByteBuffer m; (m = NinePCodec.read(in, MAX_MSIZE)) != null; ) {
                int type = Byte.toUnsignedInt(m.get());
                int tag = Short.toUnsignedInt(m.getShort());
                byte[] reply;
                try {
                    reply = answer(type, tag, m);
                } catch (Refused e) {
                    reply = new Out(RERROR, tag).str(e.getMessage()).done();
                } catch (BufferUnderflowException e) {
                    reply = new Out(RERROR, tag).str("malformed message").done();
                } catch (IOException e) {
                    reply = new Out(RERROR, tag).str(String.valueOf(e.getMessage())).done();
                }
                out.write(reply);
                out.flush();
            }
        } catch (IOException e) {
            // the client went away, or the server closed: the session ends either way
        } finally {
            clunkAll();
        }
    }

    private byte[] answer(int type, int tag, ByteBuffer m) throws Refused, IOException {
        switch (type) {
            case TVERSION -> {
                msize = Math.min(m.getInt(), MAX_MSIZE);
                String v = NinePCodec.string(m);
                clunkAll();
                return new Out(TVERSION + 1, tag).u32(msize).str(v.startsWith("9P2000") ? "9P2000" : "unknown").done();
            }
            case TAUTH -> throw new Refused("no authentication required");
            case TATTACH -> {
                int fid = m.getInt();
                if (m.getInt() != NOFID) throw new Refused("no authentication required");
                fresh(fid);
                fids.put(fid, new Fid(root));
                return new Out(TATTACH + 1, tag).qid(ServedFile.qid(root)).done();
            }
            case TFLUSH -> {
                return new Out(TFLUSH + 1, tag).done();
            }
            case TWALK -> {
                return walk(tag, m);
            }
            case TOPEN -> {
                return open(tag, fid(m.getInt()), Byte.toUnsignedInt(m.get()));
            }
            case TREAD -> {
                Fid f = fid(m.getInt());
                long offset = m.getLong();
                int count = Math.min(m.getInt(), msize - IOHDRSZ);
                if (!f.open) throw new Refused("file not open");
                return f.dir != null ? readDir(tag, f, offset, count) : readFile(tag, f, offset, count);
            }
            case TCLUNK -> {
                int fid = m.getInt();
                fid(fid);
                close(fids.remove(fid));
                return new Out(TCLUNK + 1, tag).done();
            }
            case TSTAT -> {
                Fid f = fid(m.getInt());
                byte[] st = ServedFile.stat(f.path, name(f.path));
                return new Out(TSTAT + 1, tag).u16(st.length).bytes(st, 0, st.length).done();
            }
            case TREMOVE -> {
                // remove clunks the fid even when it fails
                close(fids.remove(m.getInt()));
                throw new Refused(READ_ONLY);
            }
            case TCREATE, TWRITE, TWSTAT -> throw new Refused(READ_ONLY);
            default -> throw new Refused("unknown message type " + type);
        }
    }

    private byte[] walk(int tag, ByteBuffer m) throws Refused, IOException {
        int fid = m.getInt();
        Fid f = fid(fid);
        int newfid = m.getInt();
        int n = Short.toUnsignedInt(m.getShort());
        if (f.open) throw new Refused("cannot walk an open fid");
        if (newfid != fid) fresh(newfid);
        if (n > 16) throw new Refused("too many names in a walk");
        Path p = f.path;
        List<Qid> qids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Path next = step(p, NinePCodec.string(m));
            if (next == null) {
                if (i == 0) throw new Refused("file does not exist");
                break;
            }
            p = next;
            qids.add(ServedFile.qid(p));
        }
        if (qids.size() == n) fids.put(newfid, new Fid(p));
        Out o = new Out(TWALK + 1, tag).u16(qids.size());
        for (Qid q : qids) o.qid(q);
        return o.done();
    }

    /** One walk element from directory {@code p}, or null where it leads nowhere (or out of the root). */
    private Path step(Path p, String name) throws IOException {
        if (!Files.isDirectory(p)) return null;
        if (name.equals("..")) return p.equals(root) ? root : p.getParent();
        if (name.isEmpty() || name.equals(".") || name.contains("/")) return null;
        Path q = p.resolve(name);
        return inside(q) ? q : null;
    }

    private boolean inside(Path q) throws IOException {
        return Files.exists(q) && q.toRealPath().startsWith(root);
    }

    private byte[] open(int tag, Fid f, int mode) throws Refused, IOException {
        if (f.open) throw new Refused("file already open");
        // OREAD and OEXEC only: no OWRITE, ORDWR, OTRUNC or ORCLOSE on a read-only tree
        if ((mode & 3) == 1 || (mode & 3) == 2 || (mode & 0x50) != 0) throw new Refused(READ_ONLY);
        if (Files.isDirectory(f.path)) listing(f);
        else f.file = FileChannel.open(f.path);
        f.open = true;
        return new Out(TOPEN + 1, tag).qid(ServedFile.qid(f.path)).u32(msize - IOHDRSZ).done();
    }

    /** A directory's entries, read once at open: reads then step through whole entries. */
    private void listing(Fid f) throws IOException {
        List<byte[]> entries = new ArrayList<>();
        try (Stream<Path> s = Files.list(f.path)) {
            for (Path q : s.sorted().toList()) {
                if (inside(q)) entries.add(ServedFile.stat(q, q.getFileName().toString()));
            }
        }
        f.starts = new int[entries.size() + 1];
        int total = 0;
        for (int i = 0; i < entries.size(); i++) {
            f.starts[i] = total;
            total += entries.get(i).length;
        }
        f.starts[entries.size()] = total;
        f.dir = new byte[total];
        for (int i = 0; i < entries.size(); i++) System.arraycopy(entries.get(i), 0, f.dir, f.starts[i], entries.get(i).length);
    }

    private byte[] readDir(int tag, Fid f, long offset, int count) throws Refused {
        int i = offset > f.dir.length ? -1 : Arrays.binarySearch(f.starts, (int) offset);
        if (i < 0) throw new Refused("bad offset in a directory read");
        int end = i;
        while (end + 1 < f.starts.length && f.starts[end + 1] - f.starts[i] <= count) end++;
        int n = f.starts[end] - f.starts[i];
        return new Out(TREAD + 1, tag).u32(n).bytes(f.dir, f.starts[i], n).done();
    }

    private static byte[] readFile(int tag, Fid f, long offset, int count) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(count);
        while (b.hasRemaining() && f.file.read(b, offset + b.position()) > 0) {
            // short reads: keep going to the count or the end of the file
        }
        return new Out(TREAD + 1, tag).u32(b.position()).bytes(b.array(), 0, b.position()).done();
    }

    private Fid fid(int n) throws Refused {
        Fid f = fids.get(n);
        if (f == null) throw new Refused("unknown fid " + n);
        return f;
    }

    private void fresh(int fid) throws Refused {
        if (fid == NOFID || fids.containsKey(fid)) throw new Refused("fid " + fid + " in use");
    }

    private String name(Path p) {
        return p.equals(root) ? "/" : p.getFileName().toString();
    }

    private void clunkAll() {
        fids.values().forEach(NinePSession::close);
        fids.clear();
    }

    private static void close(Fid f) {
        if (f == null || f.file == null) return;
        try {
            f.file.close();
        } catch (IOException e) {
            // a read-only channel has nothing to lose on close
        }
    }
}
