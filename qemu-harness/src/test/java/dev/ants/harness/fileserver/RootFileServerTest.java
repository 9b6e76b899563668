package dev.ants.harness.fileserver;

import dev.ants.core.AntsException;
import dev.ants.harness.fileserver.NinePCodec.Out;
import dev.ants.harness.fileserver.NinePCodec.Qid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import static dev.ants.harness.fileserver.NinePCodec.*;
import static org.junit.jupiter.api.Assertions.*;

/** The read-only 9P2000 server, spoken to as a 9P client would, message by message. */
class RootFileServerTest {
    @TempDir
    Path tmp;
    Path root;
    RootFileServer server;
    Socket socket;
    InputStream in;

    @BeforeEach
    void serve() throws IOException {
        root = Files.createDirectories(tmp.resolve("root"));
        Files.createDirectories(root.resolve("lib"));
        Files.writeString(root.resolve("lib/namespace"), "bind -a /root /\n");
        Files.write(root.resolve("big"), new byte[20000]);
        Files.writeString(tmp.resolve("secret"), "outside\n");
        Files.createSymbolicLink(root.resolve("out"), tmp.resolve("secret"));
        Files.createSymbolicLink(root.resolve("ns"), root.resolve("lib/namespace"));
        Files.setPosixFilePermissions(root.resolve("lib/namespace"), PosixFilePermissions.fromString("rw-r--r--"));
        server = RootFileServer.serve(root);
        socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
        in = socket.getInputStream();
        ByteBuffer v = call(new Out(TVERSION, NOTAG).u32(65536).str("9P2000"), TVERSION + 1);
        assertEquals(NinePSession.MAX_MSIZE, v.getInt(), "msize is the server's when the client offers more");
        assertEquals("9P2000", NinePCodec.string(v));
        call(new Out(TATTACH, 1).u32(0).u32(NOFID).str("glenda").str(""), TATTACH + 1);
    }

    @AfterEach
    void stop() throws IOException {
        socket.close();
        server.close();
    }

    @Test
    void walksOpensAndReadsAFile() throws IOException {
        assertEquals(2, walk(0, 1, "lib", "namespace").size());
        call(new Out(TOPEN, 1).u32(1).u8(0), TOPEN + 1);
        assertEquals("bind -a /root /\n", text(read(1, 0, 100)));
        assertEquals("", text(read(1, 16, 100)), "a read at the end is empty");
    }

    @Test
    void aLargeFileComesInIounitPieces() throws IOException {
        walk(0, 1, "big");
        ByteBuffer o = call(new Out(TOPEN, 1).u32(1).u8(0), TOPEN + 1);
        Qid.read(o);
        int iounit = o.getInt();
        assertEquals(8192, iounit);
        assertEquals(8192, read(1, 0, 65536).length, "a read is cut to the iounit");
        assertEquals(20000 - 16384, read(1, 16384, 8192).length);
    }

    @Test
    void aDirectoryReadsAsWholeStatEntries() throws IOException {
        walk(0, 1);
        call(new Out(TOPEN, 1).u32(1).u8(0), TOPEN + 1);
        List<String> names = new ArrayList<>();
        long offset = 0;
        for (byte[] d; (d = read(1, offset, 150)).length > 0; offset += d.length) {
            ByteBuffer b = ByteBuffer.wrap(d).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            while (b.hasRemaining()) names.add(stat(b).name);
        }
        assertEquals(List.of("big", "lib", "ns"), names, "sorted, and the link out of the root is not there");
        ByteBuffer e = call(new Out(TREAD, 1).u32(1).u64(5).u32(100), RERROR);
        assertTrue(NinePCodec.string(e).contains("offset"));
    }

    @Test
    void statNamesModesAndSizes() throws IOException {
        walk(0, 1, "lib");
        ByteBuffer r = call(new Out(TSTAT, 1).u32(1), TSTAT + 1);
        r.getShort();
        Stat lib = stat(r);
        assertEquals("lib", lib.name);
        assertEquals(QTDIR, lib.qid.type());
        assertTrue((lib.mode & DMDIR) != 0);
        walk(0, 2, "ns");
        r = call(new Out(TSTAT, 1).u32(2), TSTAT + 1);
        r.getShort();
        Stat ns = stat(r);
        assertEquals(0644, ns.mode, "the link's target's mode");
        assertEquals(16, ns.length);
        r = call(new Out(TSTAT, 1).u32(0), TSTAT + 1);
        r.getShort();
        assertEquals("/", stat(r).name);
    }

    @Test
    void dotDotStopsAtTheRootAndLinksOutDoNotExist() throws IOException {
        List<Qid> up = walk(0, 1, "..", "lib");
        assertEquals(2, up.size());
        assertEquals(walk(0, 2, "lib").get(0), up.get(1), "/.. is /");
        ByteBuffer e = call(new Out(TWALK, 1).u32(0).u32(3).u16(1).str("out"), RERROR);
        assertEquals("file does not exist", NinePCodec.string(e));
        ByteBuffer partial = call(new Out(TWALK, 1).u32(0).u32(3).u16(2).str("lib").str("nothing"), TWALK + 1);
        assertEquals(1, Short.toUnsignedInt(partial.getShort()), "a partial walk returns the qids it got");
        call(new Out(TSTAT, 1).u32(3), RERROR); // and makes no fid
    }

    @Test
    void everyWriteIsRefused() throws IOException {
        walk(0, 1, "lib", "namespace");
        assertEquals("read-only file system", NinePCodec.string(call(new Out(TOPEN, 1).u32(1).u8(1), RERROR)));
        assertEquals("read-only file system", NinePCodec.string(call(new Out(TOPEN, 1).u32(1).u8(0x10), RERROR)));
        call(new Out(TCREATE, 1).u32(0).str("x").u32(0644).u8(1), RERROR);
        call(new Out(TWSTAT, 1).u32(1).u16(0), RERROR);
        call(new Out(TREMOVE, 1).u32(1), RERROR);
        call(new Out(TSTAT, 1).u32(1), RERROR); // remove clunked it
        call(new Out(TAUTH, 1).u32(9).str("glenda").str(""), RERROR);
        assertTrue(Files.exists(root.resolve("lib/namespace")));
    }

    @Test
    void fidsAreCheckedAndClunked() throws IOException {
        call(new Out(TATTACH, 1).u32(0).u32(NOFID).str("glenda").str(""), RERROR);
        walk(0, 1, "lib");
        call(new Out(TWALK, 1).u32(0).u32(1).u16(0), RERROR); // newfid in use
        call(new Out(TCLUNK, 1).u32(1), TCLUNK + 1);
        call(new Out(TCLUNK, 1).u32(1), RERROR);
        call(new Out(TREAD, 1).u32(0).u64(0).u32(10), RERROR); // not open
    }

    @Test
    void closingTheServerCutsItsClients() throws IOException {
        server.close();
        socket.setSoTimeout(5000);
        assertEquals(-1, in.read(), "the client sees the connection end");
    }

    @Test
    void aFileIsNoRoot() {
        AntsException e = assertThrows(AntsException.class, () -> RootFileServer.serve(root.resolve("big")));
        assertTrue(e.getMessage().contains("not a directory"));
    }

    @Test
    void theGuestForwardNamesThePort() {
        assertEquals("tcp:10.0.2.100:564-tcp:127.0.0.1:" + server.port(), server.guestForward());
    }

    private List<Qid> walk(int fid, int newfid, String... names) throws IOException {
        Out o = new Out(TWALK, 1).u32(fid).u32(newfid).u16(names.length);
        for (String n : names) o.str(n);
        ByteBuffer r = call(o, TWALK + 1);
        List<Qid> q = new ArrayList<>();
        for (int i = Short.toUnsignedInt(r.getShort()); i > 0; i--) q.add(Qid.read(r));
        return q;
    }

    private byte[] read(int fid, long offset, int count) throws IOException {
        ByteBuffer r = call(new Out(TREAD, 1).u32(fid).u64(offset).u32(count), TREAD + 1);
        byte[] d = new byte[r.getInt()];
        r.get(d);
        return d;
    }

    private ByteBuffer call(Out message, int replyType) throws IOException {
        socket.getOutputStream().write(message.done());
        ByteBuffer r = NinePCodec.read(in, 1 << 20);
        assertNotNull(r, "a reply");
        int type = Byte.toUnsignedInt(r.get());
        r.getShort();
        if (type != replyType) {
            fail("reply " + type + ", not " + replyType + (type == RERROR ? ": " + NinePCodec.string(r) : ""));
        }
        return r;
    }

    private record Stat(Qid qid, int mode, long length, String name) {
    }

    private static Stat stat(ByteBuffer b) {
        int size = Short.toUnsignedInt(b.getShort());
        int end = b.position() + size;
        b.getShort();
        b.getInt();
        Qid q = Qid.read(b);
        int mode = b.getInt();
        b.getInt();
        b.getInt();
        long length = b.getLong();
        String name = NinePCodec.string(b);
        b.position(end);
        return new Stat(q, mode, length, name);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
