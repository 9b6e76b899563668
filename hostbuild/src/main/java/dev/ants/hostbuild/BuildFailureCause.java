package dev.ants.hostbuild;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The likely cause of a failed recipe, for the error's hint: a full disk, a 32-bit program the kernel
 * cannot run, a file of the patch set (whose line numbers are those of the patched copy), or one of
 * the tree's own files.
 */
final class BuildFailureCause {
    /** A compiler's "file:line" reference, e.g. "../port/devproc.c:123" (relative to the recipe's directory). */
    private static final Pattern SOURCE = Pattern.compile("([^\\s:]+\\.[chsy]):(\\d+)");

    private BuildFailureCause() {
    }

    /** @param dir the recipe's directory in the namespace, e.g. /sys/src/9/pc64 */
    static String hint(String output, BuildRoot build, String dir) {
        if (output.contains("No space left on device") || output.contains("Disk quota exceeded")) {
            return "the disk is full: free space where " + build.root() + " lives (df -h), then build again; "
                    + "what the failed run wrote was removed, so nothing half-written remains";
        }
        Matcher m = SOURCE.matcher(output);
        String file = null;
        String line = null;
        while (m.find()) {
            file = m.group(1);
            line = m.group(2);
        }
        if (file != null) {
            String rel = treeRelative(file, dir);
            if (build.overlay() != null && Files.exists(build.overlay().resolve(rel))) {
                return rel + " is a file the patch set changes, and line " + line + " is a line of its patched copy "
                        + build.overlay().resolve(rel) + yours(build, rel, Integer.parseInt(line))
                        + ": fix the patch, or check that it suits this tree";
            }
            return rel + " is the tree's own file, which the patch set does not touch: check the tree (a truncated "
                    + "or edited file?), or report that this revision does not build";
        }
        return "a tree source failed to build: see the output above; if it is a file the patch set changes, fix the patch";
    }

    /** Where that line is in the user's file: a line number, or that the patch added it. */
    private static String yours(BuildRoot build, String rel, int line) {
        Path mine = build.tree().resolve(rel);
        if (!Files.isRegularFile(mine)) return ", a file the patch set adds";
        int n = PatchedLines.original(mine, build.overlay().resolve(rel), line);
        if (n > 0) return ", which is line " + n + " of your " + mine;
        if (n == 0) return ", a line the patch set adds to your " + mine;
        return " (your file: " + mine + ")";
    }

    /** The tree-relative path of a file a recipe in {@code dir} named, with the namespace's mounts taken off. */
    static String treeRelative(String file, String dir) {
        for (String mount : new String[] {BuildRoot.OVERLAY_MOUNT, BuildRoot.TREE_MOUNT}) {
            if (file.startsWith(mount + "/")) return file.substring(mount.length() + 1);
        }
        String abs = file.startsWith("/") ? file : dir + "/" + file;
        return Path.of(abs).normalize().toString().replaceFirst("^/", "");
    }
}
