package dev.ants.harness.junit;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives a JUnit 5 test a booted guest, as Testcontainers gives it a container. On a class, one machine
 * boots before the first test, runs {@link #boot} and {@link #ready}, and is snapshotted; every test
 * method starts from that snapshot. On a method, the method gets a machine of its own. A test method
 * takes the machine as a parameter: the console session ({@code ConsoleSession}) or the target
 * ({@code Target}, {@code QemuMachine}). When a test fails, the console output of that test is attached
 * to the failure and the run directory is kept.
 *
 * <p>Paths may use {@code ${NAME}}, read from a system property or else an environment variable; a
 * test whose variable is not set is skipped with the reason (e.g. {@code kernel = "${ANTS_KERNEL}"}).
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(AntsGuestExtension.class)
public @interface AntsGuest {
    /** A hardware model (see {@code ants models}). */
    String model() default "pc-virtio";

    /** A kernel to boot directly (multiboot or Linux). */
    String kernel() default "";

    String initrd() default "";

    /** The kernel's command line. */
    String append() default "";

    /** A 9front plan9.ini, with {@link #kernel}. */
    String plan9ini() default "";

    /** A disk image (raw or qcow2; never modified). */
    String image() default "";

    /** Computes the guest instead of the paths above (e.g. one built by the test suite). */
    Class<? extends GuestSource> guest() default GuestSource.class;

    /** A scenario file run after power-on (e.g. to reach a shell); a path or a class-path resource. */
    String boot() default "";

    /** Regexes expected one after another after power-on (and after {@link #boot}), e.g. a prompt. */
    String[] ready() default {};

    /** How commands report their status: sh or rc. */
    String shell() default "sh";

    /** auto, kvm or tcg. */
    String accel() default "auto";

    double timeoutScale() default 1.0;

    /** Keep the run directory even when every test passed. */
    boolean keep() default false;
}
