package dev.ants.core.repro;

import dev.ants.core.AntsException;
import dev.ants.core.host.HostProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/**
 * The one date reproducible outputs carry (reproducible-builds.org's SOURCE_DATE_EPOCH): the
 * variable when set, else the tree's last commit date when the tree is a git checkout, else none
 * (callers then keep today's behaviour or use {@link #FALLBACK}).
 */
public final class SourceDateEpoch {
    public static final String VARIABLE = "SOURCE_DATE_EPOCH";
    /** 2000-01-01T00:00:00Z: what images carry when neither the variable nor git gives a date. */
    public static final long FALLBACK = 946_684_800L;

    private SourceDateEpoch() {
    }

    /** The variable, else the git commit date of {@code tree} (null: no tree). */
    public static OptionalLong of(Path tree) {
        String v = System.getenv(VARIABLE);
        if (v != null && !v.isBlank()) return OptionalLong.of(parse(v.trim()));
        return tree == null ? OptionalLong.empty() : commitDate(tree);
    }

    /** {@link #of}, or {@link #FALLBACK}. */
    public static long orFallback(Path tree) {
        return of(tree).orElse(FALLBACK);
    }

    static long parse(String v) {
        if (!v.matches("[0-9]{1,12}")) {
            throw AntsException.badInput(VARIABLE + "=" + v + " is not a number of seconds since 1970",
                    "set it to e.g. $(git log -1 --format=%ct) or unset it");
        }
        return Long.parseLong(v);
    }

    private static OptionalLong commitDate(Path tree) {
        if (!Files.exists(tree.resolve(".git"))) return OptionalLong.empty();
        try {
            HostProcess.Result r = HostProcess.run(List.of("git", "-C", tree.toString(), "log", "-1", "--format=%ct"),
                    Duration.ofSeconds(20));
            String out = r.output().trim();
            return r.ok() && out.matches("[0-9]+") ? OptionalLong.of(Long.parseLong(out)) : OptionalLong.empty();
        } catch (Exception e) {
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            return OptionalLong.empty(); // no git binary: no date, as for an exported tree
        }
    }
}
