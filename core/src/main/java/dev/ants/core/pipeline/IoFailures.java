package dev.ants.core.pipeline;

import dev.ants.core.AntsException;
import dev.ants.core.ExitCode;

import java.util.Map;

/**
 * Turns an I/O failure of a step into an error that names the real cause: a full disk says so, a
 * permission problem says so, and anything else says which step met it.
 */
public final class IoFailures {
    /** java.nio's exceptions carry only the path as their message; say what happened to it. */
    private static final Map<String, String> KINDS = Map.of(
            "NoSuchFileException", "no such file or directory",
            "FileAlreadyExistsException", "already exists",
            "DirectoryNotEmptyException", "directory not empty",
            "AccessDeniedException", "permission denied",
            "NotDirectoryException", "not a directory");

    private IoFailures() {
    }

    public static AntsException of(String step, Exception e) {
        String text = messages(e);
        String hint;
        if (text.contains("No space left on device") || text.contains("Disk quota exceeded")) {
            hint = "the disk is full: free space (df -h) where the path above lives, or point XDG_CACHE_HOME elsewhere";
            return new AntsException(ExitCode.ENVIRONMENT, step + ": no space left on device (" + text + ")", hint, e);
        }
        if (text.contains("Permission denied") || text.contains("AccessDenied") || text.contains("Read-only file system")) {
            hint = "check the permissions of the path named";
        } else {
            hint = "check the path named";
        }
        return new AntsException(ExitCode.ENVIRONMENT, step + ": " + text, hint, e);
    }

    /** The messages of the exception and its causes, e.g. "FileSystemException: /x: No space left on device". */
    public static String messages(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (b.length() > 0) b.append(": ");
            String m = t.getMessage();
            String what = KINDS.get(t.getClass().getSimpleName());
            if (what != null) b.append(what).append(": ");
            b.append(m == null || m.isEmpty() ? t.getClass().getSimpleName() : m);
            if (t.getCause() == t) break;
        }
        return b.toString();
    }
}
