package dev.ants.image;

import dev.ants.core.AntsException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * What makes xorriso's ISO boot from a USB stick the 9front way, patched into its first sector and
 * the appended FAT: 9front's mbr as boot code, the FAT partition (type 0xEF) as the one active entry
 * (the mbr boots the active partition), and that partition's LBA as the FAT's hidden sectors (pbs
 * finds its FAT through them).
 */
final class IsoHybrid {
    private IsoHybrid() {
    }

    static void activate(Path iso, byte[] mbrCode) throws IOException {
        try (FileChannel ch = FileChannel.open(iso, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer mbr = ByteBuffer.allocate(512).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(mbr, 0);
            int found = -1;
            for (int i = 0; i < 4; i++) {
                int e = 446 + 16 * i;
                if ((mbr.get(e + 4) & 0xff) == 0xEF && found < 0) found = i;
                mbr.put(e, (byte) 0);
            }
            if (found < 0) {
                throw AntsException.environment("xorriso wrote no EFI (0xEF) partition entry for the appended FAT",
                        "check the xorriso version (1.5 or later)");
            }
            int e = 446 + 16 * found;
            mbr.put(e, (byte) 0x80);
            if (mbrCode.length > 440) throw AntsException.environment("mbr code of " + mbrCode.length + " bytes", "");
            mbr.put(0, mbrCode);
            ch.write(mbr.rewind(), 0);
            long lba = mbr.getInt(e + 8) & 0xFFFFFFFFL;
            ByteBuffer hidden = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, (int) lba);
            ch.write(hidden, lba * 512 + 0x1C);
        }
    }
}
