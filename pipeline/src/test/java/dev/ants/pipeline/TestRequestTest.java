package dev.ants.pipeline;

import dev.ants.core.AntsException;
import dev.ants.core.ExitCode;
import dev.ants.harness.target.TargetFile;
import dev.ants.harness.target.TargetSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class TestRequestTest {
    @TempDir
    Path tmp;

    /** A real machine needs no models (ants test --target once refused itself: "no models to test on"). */
    @Test
    void aTargetRunHasNoModelsAndAModelRunNeedsOne() throws Exception {
        TargetSpec pc = TargetFile.load(Files.writeString(tmp.resolve("pc.yaml"), """
                name: lab-pc
                console:
                  tcp: 127.0.0.1:7000
                power:
                  on: 'true'
                  off: 'true'
                """));
        TestRequest r = TestRequest.onTarget(pc, tmp.resolve("report")).withImage(tmp.resolve("a.img"));
        assertEquals(pc, r.target());
        assertEquals(List.of(), r.models());
        AntsException e = assertThrows(AntsException.class, () -> TestRequest.of(List.of(), tmp.resolve("report")));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
    }
}
