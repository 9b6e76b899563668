package dev.ants.flash;

import dev.ants.core.AntsException;
import dev.ants.core.Sha256;
import dev.ants.flash.device.Device;
import dev.ants.flash.device.DeviceInfo;
import dev.ants.flash.device.ShellDevice;
import dev.ants.flash.image.FlashImage;

import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a device back and compares it with the image, piece by piece, by SHA-256. */
final class Verification {
    private Verification() {
    }

    /** The image's sha256 of every piece of the plan, read from the image (for a check without a write). */
    static Map<Span, String> imageHashes(FlashImage image, WritePlan plan) throws IOException {
        Map<Span, String> out = new LinkedHashMap<>();
        for (Span p : plan.pieces()) {
            MessageDigest md = Sha256.digest();
            image.copy(p, OutputStream.nullOutputStream(), (b, n) -> Sha256.update(md, b, 0, n));
            out.put(p, HexFormat.of().formatHex(md.digest()));
        }
        return out;
    }

    /**
     * Drops the device's cache, then hashes the pieces and the zero ranges in batches of about
     * {@link WritePlan#PIECE} (one shell call each, so progress moves), naming the first range that differs.
     */
    static void check(Device dev, DeviceInfo info, WritePlan plan, Map<Span, String> expected, List<Span> zeros,
                      FlashProgress progress, String device) throws IOException, InterruptedException {
        List<Span> all = new ArrayList<>(plan.pieces());
        all.addAll(zeros);
        long total = Span.total(all);
        progress.begin("verify " + device, total);
        List<Span> batch = new ArrayList<>();
        long batchBytes = 0;
        for (int i = 0; i < all.size(); i++) {
            batch.add(all.get(i));
            batchBytes += all.get(i).length();
            if (batchBytes < WritePlan.PIECE && i < all.size() - 1) continue;
            List<String> got = dev.hashes(batch);
            for (int k = 0; k < batch.size(); k++) {
                Span s = batch.get(k);
                String want = expected.containsKey(s) && plan.pieces().contains(s) ? expected.get(s) : ShellDevice.zeroHash(s.length());
                if (!want.equals(got.get(k))) {
                    throw AntsException.checkFailed("verification failed: bytes " + s.offset() + " to " + s.end() + " of " + device
                            + " read back with sha256 " + got.get(k) + ", the image has " + want,
                            "the device did not keep what was written: try another device or port, then flash again");
                }
            }
            progress.add(batchBytes);
            batch.clear();
            batchBytes = 0;
        }
        progress.end();
    }

}
