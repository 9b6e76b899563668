package dev.ants.flash;

/**
 * What a flash did.
 *
 * @param zeroing     how the rest of the image was made to read as zeros: "kernel" (BLKZEROOUT) or
 *                    "read-compare-skip" (read, and write zeros only where the device was not zero)
 * @param zeroWritten bytes of zeros written by read-compare-skip (0 with kernel zeroing)
 * @param verified    read back and matched; false only when verification was switched off
 * @param dataSha256  sha256 over the written data ranges in order, the same on the image and the device
 * @param compression how the data streamed to a remote host: "gzip -1", or "none (...)"; "" on this host
 */
public record FlashResult(String device, String host, String image, String format, long imageBytes, long dataBytes,
                          String zeroing, long zeroWritten, boolean verified, String dataSha256, String compression,
                          double seconds) {
}
