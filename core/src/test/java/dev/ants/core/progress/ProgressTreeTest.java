package dev.ants.core.progress;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

class ProgressTreeTest {
    private static List<String> lines(ByteArrayOutputStream b) {
        return b.toString().lines().toList();
    }

    @Test
    void childrenNameTheirPathAndCloseOnce() {
        Progress root = Progress.root(ProgressSink.NONE, "ants kernel");
        Progress build = root.child("build");
        Progress libs = build.child("libraries", 3);
        assertEquals("build › libraries", libs.path());
        assertEquals(2, libs.depth());
        libs.close();
        double t = libs.seconds();
        libs.close();
        assertEquals(t, libs.seconds(), "a second close changes nothing");
        assertTrue(libs.isClosed());
    }

    @Test
    void plainPrintsOneLinePerTopLevelStepAndSkipsQuickNestedOnes() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        Progress root = Progress.root(new PlainSink(new PrintStream(b, true), PlainSink.Detail.STEPS), "ants");
        try (Progress step = root.child("build kernel")) {
            try (Progress quick = step.child("write mbr")) {
                quick.advance(1, "x");
            }
        }
        List<String> l = lines(b);
        assertEquals(1, l.size(), l.toString());
        assertTrue(l.get(0).matches("ants: build kernel done in [0-9.]+ s"), l.get(0));
    }

    @Test
    void quietShowsNotesOnly() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        Progress root = Progress.root(new PlainSink(new PrintStream(b, true), PlainSink.Detail.NOTES), "ants");
        try (Progress step = root.child("build kernel")) {
            step.note("toolchain: cached");
        }
        assertEquals(List.of("ants: toolchain: cached"), lines(b));
    }

    @Test
    void longStepsShowAThrottledCountWithoutCarriageReturns() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        long[] now = {0};
        Progress root = Progress.root(new PlainSink(new PrintStream(b, true), PlainSink.Detail.STEPS, 20, () -> now[0]), "ants");
        Progress copy = root.child("copy tree", 3);
        copy.advance(1, "a");
        now[0] = 30;
        copy.advance(2, "b");
        copy.advance(3, "c");
        assertEquals(List.of("ants: copy tree 2/3 b"), lines(b));
        assertFalse(b.toString().contains("\r"));
    }

    @Test
    void parallelStepsEachPrintTheirDoneLineExactlyOnce() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        Progress root = Progress.root(new PlainSink(new PrintStream(b, true), PlainSink.Detail.STEPS), "ants test");
        ExecutorService ex = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        List<String> models = List.of("pc-ide", "q35-ahci", "pc-virtio", "q35-nvme");
        for (String m : models) {
            ex.submit(() -> {
                go.await();
                try (Progress boot = root.child("boot " + m)) {
                    for (int i = 0; i < 100; i++) boot.advance(i, "step " + i);
                    boot.close();
                }
                return null;
            });
        }
        go.countDown();
        ex.shutdown();
        assertTrue(ex.awaitTermination(10, TimeUnit.SECONDS));
        List<String> l = new ArrayList<>(lines(b));
        for (String m : models) {
            assertEquals(1, l.stream().filter(s -> s.startsWith("ants: boot " + m + " done in ")).count(), l.toString());
        }
        assertEquals(models.size(), l.size(), l.toString());
    }

    @Test
    void terminalDrawsOneBarPerRunningLeafAndScrollsFinishedSteps() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        Progress root = Progress.root(new TerminalSink(new PrintStream(b, true)), "ants test");
        Progress a = root.child("boot pc-ide");
        Progress c = root.child("boot q35-ahci", 10);
        c.advance(5, "nswrite");
        a.close();
        String out = b.toString();
        String last = out.substring(out.lastIndexOf("\033[J") + 3);
        assertTrue(last.startsWith("boot pc-ide done in "), last);
        assertTrue(last.contains("boot q35-ahci [############            ] 5/10"), last);
        assertFalse(last.contains("boot pc-ide ["), "a finished step has no bar any more: " + last);
    }
}
