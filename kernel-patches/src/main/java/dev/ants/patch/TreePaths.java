package dev.ants.patch;

import dev.ants.core.AntsException;

/** Checks tree-relative paths from patch data: '/'-separated, inside the tree, no control characters. */
final class TreePaths {
    private TreePaths() {
    }

    static String check(String rel, String where) {
        if (rel.isEmpty() || rel.startsWith("/") || rel.contains("\\")
                || rel.chars().anyMatch(c -> c < 0x20)) {
            throw AntsException.badInput(where + ": path \"" + rel + "\" is not a plain tree-relative path",
                    "use a path like sys/src/9/port/foo.c");
        }
        for (String part : rel.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                throw AntsException.badInput(where + ": path \"" + rel + "\" is not a plain tree-relative path",
                        "use a path like sys/src/9/port/foo.c");
            }
        }
        return rel;
    }
}
