package dev.ants.flash;

import dev.ants.core.AntsException;
import dev.ants.core.Sha256;
import dev.ants.flash.device.Device;
import dev.ants.flash.device.DeviceInfo;
import dev.ants.flash.image.FlashImage;

import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a device back and compares it with the image: data piece by piece by SHA-256, zeros as zeros. */
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
     * Reads the device back in batches of about {@link WritePlan#PIECE} (one shell call each, so progress
     * moves): the data pieces compared by sha256 with the image's, the zero ranges checked to read as
     * zeros (a compare, not a digest: most of an image is zeros). Names the first range that differs.
     */
    static void check(Device dev, DeviceInfo info, WritePlan plan, Map<Span, String> expected, List<Span> zeros,
                      FlashProgress progress, String device) throws IOException, InterruptedException {
        progress.begin("verify " + device, Span.total(plan.pieces()) + Span.total(zeros));
        for (List<Span> batch : batches(plan.pieces())) {
            List<String> got = dev.hashes(batch);
            for (int k = 0; k < batch.size(); k++) {
                Span s = batch.get(k);
                if (!expected.get(s).equals(got.get(k))) {
                    throw differs(device, s, "read back with sha256 " + got.get(k) + ", the image has " + expected.get(s));
                }
            }
            progress.add(Span.total(batch));
        }
        for (List<Span> batch : batches(zeros)) {
            List<Span> dirty = dev.nonZero(batch);
            if (!dirty.isEmpty()) throw differs(device, dirty.get(0), "do not read back as zeros, as the image has them");
            progress.add(Span.total(batch));
        }
        progress.end();
    }

    private static List<List<Span>> batches(List<Span> spans) {
        List<List<Span>> out = new ArrayList<>();
        List<Span> batch = new ArrayList<>();
        long bytes = 0;
        for (Span s : spans) {
            batch.add(s);
            bytes += s.length();
            if (bytes >= WritePlan.PIECE) {
                out.add(batch);
                batch = new ArrayList<>();
                bytes = 0;
            }
        }
        if (!batch.isEmpty()) out.add(batch);
        return out;
    }

    private static AntsException differs(String device, Span s, String how) {
        return AntsException.checkFailed("verification failed: bytes " + s.offset() + " to " + s.end() + " of " + device + " " + how,
                "the device did not keep what was written: try another device or port, then flash again");
    }
}
