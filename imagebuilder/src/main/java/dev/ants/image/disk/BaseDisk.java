package dev.ants.image.disk;

import dev.ants.core.AntsException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A 9front disk made by its installer or release recipe, as {@code --base} takes it: an MBR with a
 * Plan 9 (0x39) partition whose sector 1 holds the prep table, whose 9fat starts at the partition's
 * sector 0. Anything else is bad input, so a wrong file is refused before it is written.
 */
public record BaseDisk(long partitionLba, long partitionSectors, PrepTable prep) {
    public static BaseDisk read(Path raw, String shownAs) {
        String fix = "pass a 9front disk image (raw or qcow2, as 9front's installer or release recipe makes it)";
        try (FileChannel ch = FileChannel.open(raw, StandardOpenOption.READ)) {
            ByteBuffer mbr = sector(ch, 0);
            if ((mbr.get(510) & 0xff) != 0x55 || (mbr.get(511) & 0xff) != 0xAA) {
                throw AntsException.badInput(shownAs + " is not a 9front disk image: it has no MBR (no 55 AA at 510)", fix);
            }
            for (int i = 0; i < 4; i++) {
                int e = 446 + 16 * i;
                if ((mbr.get(e + 4) & 0xff) != PartitionEntry.PLAN9) continue;
                long lba = mbr.getInt(e + 8) & 0xFFFFFFFFL;
                long len = mbr.getInt(e + 12) & 0xFFFFFFFFL;
                PrepTable t = parsePrep(sector(ch, lba + 1));
                if (t == null || t.parts().stream().noneMatch(p -> p.name().equals("9fat") && p.start() == 0)) {
                    throw AntsException.badInput(shownAs + " has a Plan 9 partition at LBA " + lba
                            + " but no prep table with a 9fat at its start", fix);
                }
                ByteBuffer bpb = sector(ch, lba);
                String type = new String(new byte[]{bpb.get(0x36), bpb.get(0x37), bpb.get(0x38)}, StandardCharsets.US_ASCII);
                if (!type.equals("FAT")) {
                    throw AntsException.badInput(shownAs + ": the 9fat at LBA " + lba + " is not FAT12/16", fix);
                }
                return new BaseDisk(lba, len, t);
            }
            throw AntsException.badInput(shownAs + " is not a 9front disk image: no Plan 9 (type 0x39) partition in its MBR", fix);
        } catch (IOException e) {
            throw AntsException.badInput(shownAs + " cannot be read: " + e.getMessage(), fix);
        }
    }

    /** Sectors of the 9fat, from the prep table. */
    public long nineFatSectors() {
        for (PrepTable.Part p : prep.parts()) if (p.name().equals("9fat")) return p.end() - p.start();
        throw new IllegalStateException("no 9fat");
    }

    /** The prep table's {@code part NAME START END} lines, or null when the sector holds none. */
    static PrepTable parsePrep(ByteBuffer s) {
        byte[] b = new byte[512];
        s.get(0, b);
        int n = 0;
        while (n < b.length && b[n] != 0) n++;
        String text = new String(b, 0, n, StandardCharsets.US_ASCII);
        if (!text.startsWith("part ")) return null;
        List<PrepTable.Part> parts = new ArrayList<>();
        for (String l : text.split("\n")) {
            String[] f = l.trim().split("\\s+");
            if (f.length != 4 || !f[0].equals("part")) continue;
            try {
                parts.add(new PrepTable.Part(f[1], Long.parseLong(f[2]), Long.parseLong(f[3])));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return parts.isEmpty() ? null : new PrepTable(parts);
    }

    private static ByteBuffer sector(FileChannel ch, long lba) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(512).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining() && ch.read(b, lba * 512 + b.position()) > 0) {
            // read the whole sector
        }
        if (b.hasRemaining()) throw new IOException("short read at sector " + lba);
        return b;
    }
}
