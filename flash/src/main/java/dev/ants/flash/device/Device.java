package dev.ants.flash.device;

import dev.ants.flash.Span;

import java.io.IOException;
import java.util.List;

/**
 * What the flasher does to a device, on this host ({@link LocalDevice}: the JVM's own I/O) or on a
 * remote one ({@link ShellDevice}: sh, dd and sha256sum over SSH). Both learn the host's facts with the
 * same probe.sh, so the same safety checks run in both places.
 */
public interface Device extends AutoCloseable {
    /** "" for this host, " on user@host" for a remote one: appended to device names in messages. */
    String where();

    /** The host's tools, block devices, mounts and swaps, from probe.sh. */
    HostFacts probe() throws IOException, InterruptedException;

    /** Lets the kernel zero the spans (BLKZEROOUT: WRITE ZEROES, or a punched hole under a loop device). */
    void zeroInKernel(List<Span> spans, int logicalBlock) throws IOException, InterruptedException;

    /** Read-compare-skip, first half: the chunks of {@code spans} that do not read back as zeros. */
    List<Span> nonZero(List<Span> spans) throws IOException, InterruptedException;

    /** Read-compare-skip, second half: writes zeros over the spans. */
    void writeZeros(List<Span> spans) throws IOException, InterruptedException;

    /** Streams {@code run}'s bytes from the feeder into the device at its offset; status -1: the link dropped. */
    Shell.Result write(Span run, Shell.Feeder feeder) throws IOException, InterruptedException;

    /** Flushes what was written to the medium. */
    void sync() throws IOException, InterruptedException;

    /** The sha256 of each span as the medium holds it now (not the page cache). */
    List<String> hashes(List<Span> spans) throws IOException, InterruptedException;

    /** How the data travels: "" on this host, else e.g. "gzip -1". */
    String compression();

    /** Ends whatever runs now; later calls fail. Used to cancel a flash. */
    @Override
    void close();
}
