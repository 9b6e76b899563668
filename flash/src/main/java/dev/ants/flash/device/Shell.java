package dev.ants.flash.device;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Where device commands run: a POSIX sh on this host or on a remote one. Everything the flasher does
 * to a device goes through here as a short sh script, so both places get the same commands and the
 * same checks.
 */
public interface Shell extends AutoCloseable {
    /** Exit status (-1: the command's end was never seen, e.g. the connection dropped), stdout, stderr. */
    record Result(int status, String out, String err) {
        public boolean ok() {
            return status == 0;
        }

        /** The error output's last line, for messages. */
        public String why() {
            String last = "";
            for (String l : err.strip().split("\n")) {
                // dd's statistics say nothing about what went wrong
                if (!l.isBlank() && !l.matches(".*(records in|records out|bytes .*copied|bytes transferred).*")) last = l.strip();
            }
            return last.isEmpty() ? "status " + status : last;
        }
    }

    /** Feeds a command's standard input. */
    interface Feeder {
        void feed(OutputStream stdin) throws IOException;
    }

    /** "" for this host, " on user@host" for a remote one: appended to device names in messages. */
    String where();

    /**
     * Runs {@code script} with sh, its positional parameters {@code args}. The script goes in on stdin
     * ({@code sh -s}), so its length is not bounded by the kernel's limit on one argument.
     */
    Result run(String script, String... args) throws IOException, InterruptedException;

    /** Runs {@code script} with {@code feeder} writing its stdin, which is closed afterwards. */
    Result feed(String script, Feeder feeder, String... args) throws IOException, InterruptedException;

    /** Ends whatever runs now; later calls fail. Used to cancel a flash. */
    @Override
    void close();

    /** Single-quotes a word for sh. */
    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /** {@code sh -c 'script' sh 'arg'...}: a command line that runs a script with arguments under any login shell. */
    static String commandLine(String script, String... args) {
        StringBuilder b = new StringBuilder("sh -c ").append(quote(script)).append(" sh");
        for (String a : args) b.append(' ').append(quote(a));
        return b.toString();
    }

    /** {@code sh -s -- 'arg'...}: reads the script from stdin. */
    static String stdinCommandLine(String... args) {
        StringBuilder b = new StringBuilder("sh -s --");
        for (String a : args) b.append(' ').append(quote(a));
        return b.toString();
    }
}
