package dev.ants.core.host;

/** How many things to run at once when nobody said: the machine's processors. */
public final class Parallelism {
    private Parallelism() {
    }

    /** {@code ANTS_JOBS} when set to a positive number, else {@link Runtime#availableProcessors()}. */
    public static int defaultJobs() {
        String env = System.getenv("ANTS_JOBS");
        if (env != null) {
            try {
                int n = Integer.parseInt(env.trim());
                if (n > 0) return n;
            } catch (NumberFormatException ignored) {
                // fall through to the processor count
            }
        }
        return Runtime.getRuntime().availableProcessors();
    }
}
