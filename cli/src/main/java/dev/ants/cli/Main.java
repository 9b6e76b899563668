package dev.ants.cli;

import dev.ants.core.AntsException;
import dev.ants.core.ExitCode;
import dev.ants.core.cleanup.Signals;
import picocli.CommandLine;

import java.io.PrintWriter;

/** Entry point: runs the picocli command tree and turns every failure into a one-line error + exit code. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Signals.exitOnInterrupt();
        System.exit(run(args));
    }

    /** Runs {@code ants args...} and returns the exit code (tests call this without exiting). */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new AntsCommand());
        cl.setExecutionExceptionHandler(Main::onException);
        cl.setParameterExceptionHandler(Main::onBadUsage);
        return cl.execute(args);
    }

    private static int onException(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        String who = who(cl);
        if (e instanceof AntsException ae) {
            err.println(who + ": " + ae.getMessage());
            if (!ae.hint().isEmpty()) err.println("  fix: " + ae.hint());
            if (System.getenv("ANTS_DEBUG") != null) e.printStackTrace(err);
            err.flush();
            return ae.exitCode().code;
        }
        err.println(who + ": internal error: " + e);
        err.println("  this is a bug in ants; rerun with ANTS_DEBUG=1 for the stack trace and report it");
        if (System.getenv("ANTS_DEBUG") != null) e.printStackTrace(err);
        err.flush();
        return ExitCode.ENVIRONMENT.code;
    }

    /** "ants" for the top level, "ants kernel" for a subcommand. */
    private static String who(CommandLine cl) {
        return cl.getParent() == null ? "ants" : "ants " + cl.getCommandName();
    }

    private static int onBadUsage(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println(who(cl) + ": " + e.getMessage());
        err.println("  fix: see '" + who(cl) + " --help'");
        err.flush();
        return ExitCode.BAD_INPUT.code;
    }
}
