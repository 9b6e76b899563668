package dev.ants.harness.junit;

import dev.ants.harness.expect.ConsoleSession;
import dev.ants.harness.qemu.QemuMachine;
import dev.ants.harness.target.Target;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The JUnit 5 side of {@link AntsGuest}: boots the class's machine before all tests (or a method's
 * before that method), resets it to its snapshot before each test, resolves {@code ConsoleSession},
 * {@code Target} and {@code QemuMachine} parameters, attaches the test's console output to a failure,
 * and ends the run after the last test.
 */
public final class AntsGuestExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback,
        ParameterResolver, TestExecutionExceptionHandler {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(AntsGuestExtension.class);
    private static final String MACHINE = "machine";
    /** Lines of the test's console output put into the failure; the whole of it goes to a file. */
    private static final int TAIL = 60;

    @Override
    public void beforeAll(ExtensionContext ctx) throws Exception {
        Optional<AntsGuest> a = ctx.getTestClass().map(c -> c.getAnnotation(AntsGuest.class));
        if (a.isPresent()) ctx.getStore(NS).put(MACHINE, GuestMachine.boot(a.get(), ctx.getRequiredTestClass()));
    }

    @Override
    public void beforeEach(ExtensionContext ctx) throws Exception {
        AntsGuest own = ctx.getRequiredTestMethod().getAnnotation(AntsGuest.class);
        if (own != null) ctx.getStore(NS).put(MACHINE, GuestMachine.boot(own, ctx.getRequiredTestClass()));
        GuestMachine m = machine(ctx);
        if (m != null) m.reset();
    }

    @Override
    public void afterEach(ExtensionContext ctx) {
        if (ctx.getRequiredTestMethod().getAnnotation(AntsGuest.class) == null) return;
        GuestMachine m = ctx.getStore(NS).remove(MACHINE, GuestMachine.class);
        if (m != null) m.close();
    }

    @Override
    public void afterAll(ExtensionContext ctx) {
        GuestMachine m = ctx.getStore(NS).remove(MACHINE, GuestMachine.class);
        if (m != null) m.close();
    }

    /** The machine of this method, or of its class (the store looks up through the parents). */
    private static GuestMachine machine(ExtensionContext ctx) {
        return ctx.getStore(NS).get(MACHINE, GuestMachine.class);
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext ctx) {
        Class<?> t = p.getParameter().getType();
        return t == ConsoleSession.class || t == Target.class || t == QemuMachine.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext ctx) {
        GuestMachine m = machine(ctx);
        if (m == null) throw new ParameterResolutionException("no @AntsGuest machine for " + p.getParameter() + ": annotate the class or method");
        return p.getParameter().getType() == ConsoleSession.class ? m.session() : m.machine();
    }

    /** Adds what the console printed during the test to its failure, and keeps the run directory. */
    @Override
    public void handleTestExecutionException(ExtensionContext ctx, Throwable t) throws Throwable {
        GuestMachine m = machine(ctx);
        if (m != null) {
            m.failed();
            String text = m.transcript().replace("\r", "");
            Path file = m.runDir().resolve("junit-" + ctx.getRequiredTestMethod().getName() + ".log");
            Files.writeString(file, text, StandardCharsets.UTF_8);
            List<String> lines = text.lines().toList();
            String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL), lines.size()));
            t.addSuppressed(new ConsoleTranscript("console output of " + ctx.getDisplayName() + " (last " + TAIL
                    + " lines; all of it in " + file + "):\n" + tail));
            ctx.publishReportEntry("ants.console", file.toString());
        }
        throw t;
    }
}
