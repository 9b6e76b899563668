package dev.ants.harness.fileserver;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * 9P2000's wire format (intro(5)): little-endian integers, strings as a 2-byte length and UTF-8, each
 * message {@code size[4] type[1] tag[2] ...}. Shared by the server and its tests' client.
 */
public final class NinePCodec {
    public static final int TVERSION = 100, TAUTH = 102, TATTACH = 104, RERROR = 107, TFLUSH = 108,
            TWALK = 110, TOPEN = 112, TCREATE = 114, TREAD = 116, TWRITE = 118, TCLUNK = 120,
            TREMOVE = 122, TSTAT = 124, TWSTAT = 126;
    public static final int NOTAG = 0xFFFF;
    public static final int NOFID = 0xFFFFFFFF;
    public static final int QTDIR = 0x80;
    public static final int DMDIR = 0x80000000;
    /** Bytes a Rread spends on its header: the iounit is msize less this. */
    public static final int IOHDRSZ = 24;

    private NinePCodec() {
    }

    /** The next message (its type onward), or null at a clean end of stream. */
    public static ByteBuffer read(InputStream in, int msize) throws IOException {
        byte[] head = in.readNBytes(4);
        if (head.length == 0) return null;
        if (head.length < 4) throw new EOFException("9P: a message cut short");
        int size = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (size < 7 || size > msize) throw new IOException("9P: a message of " + size + " bytes (msize " + msize + ")");
        byte[] body = in.readNBytes(size - 4);
        if (body.length < size - 4) throw new EOFException("9P: a message cut short");
        return ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
    }

    public static String string(ByteBuffer b) {
        int n = Short.toUnsignedInt(b.getShort());
        byte[] s = new byte[n];
        b.get(s);
        return new String(s, StandardCharsets.UTF_8);
    }

    /** A message being written: {@link #done} fills in its size. */
    public static final class Out {
        private ByteBuffer b = ByteBuffer.allocate(256).order(ByteOrder.LITTLE_ENDIAN);

        public Out(int type, int tag) {
            b.putInt(0);
            b.put((byte) type);
            b.putShort((short) tag);
        }

        public Out u8(int v) { room(1); b.put((byte) v); return this; }
        public Out u16(int v) { room(2); b.putShort((short) v); return this; }
        public Out u32(int v) { room(4); b.putInt(v); return this; }
        public Out u64(long v) { room(8); b.putLong(v); return this; }

        public Out str(String s) {
            byte[] u = s.getBytes(StandardCharsets.UTF_8);
            return u16(u.length).bytes(u, 0, u.length);
        }

        public Out bytes(byte[] d, int off, int len) {
            room(len);
            b.put(d, off, len);
            return this;
        }

        public Out qid(Qid q) { return u8(q.type()).u32(q.version()).u64(q.path()); }

        public byte[] done() {
            b.putInt(0, b.position());
            byte[] m = new byte[b.position()];
            b.get(0, m);
            return m;
        }

        private void room(int n) {
            if (b.remaining() >= n) return;
            ByteBuffer g = ByteBuffer.allocate(Math.max(b.capacity() * 2, b.position() + n)).order(ByteOrder.LITTLE_ENDIAN);
            b.flip();
            b = g.put(b);
        }
    }

    /** A file's server-unique identity: type (QTDIR for directories), version and path. */
    public record Qid(int type, int version, long path) {
        public static Qid read(ByteBuffer b) {
            return new Qid(Byte.toUnsignedInt(b.get()), b.getInt(), b.getLong());
        }
    }
}
