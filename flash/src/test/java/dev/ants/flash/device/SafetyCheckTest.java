package dev.ants.flash.device;

import dev.ants.core.AntsException;
import dev.ants.core.ExitCode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The refusal rules over canned probe output: a host with a system disk on LVM, a USB stick, an MD pair. */
class SafetyCheckTest {
    static final long GIB = 1L << 30;

    /** probe.sh output: sda holds / through LVM on sda2; sdb is a USB stick with one partition; sdc+sdd form md0. */
    static String host(String target, String ls, String extra) {
        return String.join("\n",
                "tool dd yes", "tool head yes", "tool sha256sum yes", "tool sync yes", "tool blkdiscard yes",
                "os Linux",
                ls == null ? "" : "ls " + ls,
                ls == null ? "" : "real " + target,
                "blk sda 8:0 0 - 500118192 0 0 512",
                "model sda ATA Samsung SSD",
                "blk sda1 8:1 1 sda 1048576 0 0 512",
                "blk sda2 8:2 1 sda 499000000 0 0 512",
                "holder sda2 dm-0",
                "blk dm-0 254:0 0 - 499000000 0 0 512",
                "slave dm-0 sda2",
                "blk sdb 8:16 0 - 60000000 0 0 512",
                "model sdb SanDisk Ultra",
                "blk sdb1 8:17 1 sdb 59000000 0 0 512",
                "blk sdc 8:32 0 - 20000000 0 0 512",
                "holder sdc md0",
                "blk sdd 8:48 0 - 20000000 0 0 512",
                "holder sdd md0",
                "blk md0 9:0 0 - 19000000 0 0 512",
                "slave md0 sdc",
                "slave md0 sdd",
                "blk sde 8:64 0 - 2000000 1 0 512",
                "mount 254:0 /dev/dm-0 /",
                "mount 8:1 /dev/sda1 /boot",
                extra,
                "end", "");
    }

    static DeviceInfo check(String dev, String ls, String extra, long image, boolean force) {
        return SafetyCheck.check(HostFacts.parse(host(dev, ls, extra)), dev, image, force, "");
    }

    static AntsException refused(String dev, String ls, String extra, long image, boolean force) {
        AntsException e = assertThrows(AntsException.class, () -> check(dev, ls, extra, image, force));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertTrue(e.getMessage().contains("nothing was written"), e.getMessage());
        assertFalse(e.hint().isEmpty());
        return e;
    }

    static String blockLs(int major, int minor, String dev) {
        return "brw-rw---- 1 root disk " + major + ", " + minor + " Jan  1 00:00 " + dev;
    }

    @Test
    void anIdleStickPassesAndIsDescribed() {
        DeviceInfo d = check("/dev/sdb", blockLs(8, 16, "/dev/sdb"), "", GIB, false);
        assertEquals("sdb", d.name());
        assertEquals(60000000L * 512, d.size());
        assertEquals("/dev/sdb (SanDisk Ultra, 28.6 GiB), partitions: sdb1 (28.1 GiB)", d.describe());
        assertFalse(d.zeroesInKernel());
    }

    @Test
    void theSystemDiskIsRefusedThroughLvm() {
        assertTrue(refused("/dev/sda", blockLs(8, 0, "/dev/sda"), "", GIB, false).getMessage().contains("holds the running system"));
    }

    @Test
    void aPartitionIsRefusedUnlessForced() {
        assertTrue(refused("/dev/sdb1", blockLs(8, 17, "/dev/sdb1"), "", GIB, false).hint().contains("--device /dev/sdb"));
        assertEquals("sdb1", check("/dev/sdb1", blockLs(8, 17, "/dev/sdb1"), "", GIB, true).name());
    }

    @Test
    void aDiskWithAMountedPartitionIsRefused() {
        AntsException e = refused("/dev/sdb", blockLs(8, 16, "/dev/sdb"), "mount 8:17 /dev/sdb1 /media/usb stick", GIB, false);
        assertTrue(e.getMessage().contains("holds /dev/sdb1, which is mounted at /media/usb stick"), e.getMessage());
        assertTrue(e.hint().contains("umount /media/usb stick"), e.hint());
    }

    @Test
    void aMountFoundBySourceNameIsRefusedToo() {
        // btrfs reports an anonymous device number; the source names the partition
        refused("/dev/sdb", blockLs(8, 16, "/dev/sdb"), "mount 0:45 /dev/sdb1 /data", GIB, false);
    }

    @Test
    void swapIsRefused() {
        assertTrue(refused("/dev/sdb", blockLs(8, 16, "/dev/sdb"), "swap /dev/sdb1", GIB, false).getMessage().contains("swap"));
    }

    @Test
    void anMdMemberIsRefused() {
        AntsException e = refused("/dev/sdc", blockLs(8, 32, "/dev/sdc"), "", GIB, false);
        assertTrue(e.getMessage().contains("held by md0") && e.getMessage().contains("MD RAID"), e.getMessage());
        assertTrue(e.hint().contains("mdadm --stop"), e.hint());
    }

    @Test
    void aDeviceSmallerThanTheImageIsRefused() {
        assertTrue(refused("/dev/sdb", blockLs(8, 16, "/dev/sdb"), "", 64 * GIB, false).getMessage().contains("smaller than the image"));
    }

    @Test
    void readOnlyMissingAndCharacterDevicesAreRefused() {
        assertTrue(refused("/dev/sde", blockLs(8, 64, "/dev/sde"), "", 1, false).getMessage().contains("read-only"));
        assertTrue(refused("/dev/sdx", null, "", 1, false).getMessage().contains("does not exist"));
        assertTrue(refused("/dev/tty0", "crw--w---- 1 root tty 4, 0 Jan  1 00:00 /dev/tty0", "", 1, false)
                .getMessage().contains("not a block device"));
    }

    @Test
    void aRegularFileNeedsForceAndEnoughSize() {
        String ls = "-rw-r--r-- 1 root root 1073741824 Jan  1 00:00 /tmp/disk.img";
        assertTrue(refused("/tmp/disk.img", ls, "", GIB, false).hint().contains("--force"));
        assertEquals(GIB, check("/tmp/disk.img", ls, "", GIB, true).size());
        refused("/tmp/disk.img", ls, "", 2 * GIB, true);
    }

    @Test
    void aTruncatedProbeIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> HostFacts.parse("tool dd yes\nos Linux\n"));
    }

    @Test
    void deviceNumbersComeFromLsOutput() {
        assertEquals("259:3", SafetyCheck.devNumber("brw-rw---- 1 root disk 259,   3 Mar 10 12:00 /dev/nvme0n1p3"));
        assertEquals(java.util.Set.of("sda"), SafetyCheck.systemDisks(HostFacts.parse(host("/dev/sdb", null, ""))));
    }
}
