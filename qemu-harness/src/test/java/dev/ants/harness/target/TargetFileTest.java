package dev.ants.harness.target;

import dev.ants.core.AntsException;
import dev.ants.core.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;

class TargetFileTest {
    @TempDir
    Path tmp;

    private static final String USB_PC = """
            name: lab-pc
            disk9: sdE0
            nic9: ether82563
            console:
              serial: /dev/ttyUSB0
              baud: 115200
            power:
              on: usbrelay RELAY_1=1
              off: usbrelay RELAY_1=0
              offSeconds: 5
            disk:
              device: /dev/disk/by-id/usb-SanDisk_Cruzer-0:0
            """;

    @Test
    void aPcOnAUsbSerialAdapterWithARelay() throws Exception {
        TargetSpec t = TargetFile.load(Files.writeString(tmp.resolve("pc.yaml"), USB_PC));
        assertEquals("lab-pc", t.name());
        assertEquals("/dev/ttyUSB0 at 115200 baud", t.consoleAddress());
        assertEquals("usbrelay RELAY_1=1", t.power().on());
        assertNull(t.power().cycle());
        assertEquals(Duration.ofSeconds(5), t.power().offTime());
        assertEquals("/dev/disk/by-id/usb-SanDisk_Cruzer-0:0", t.disk().device());
        assertEquals("sdE0", t.model().vars().get("disk9"));
    }

    @Test
    void anIpmiServerOnASerialServerWithAnSshFlashStation() throws Exception {
        TargetSpec t = TargetFile.load(Files.writeString(tmp.resolve("srv.yaml"), """
                name: rack-7
                console:
                  tcp: ser2net.lab:7007
                power:
                  cycle: ipmitool -I lanplus -H rack-7-bmc -U admin -E chassis power reset
                disk:
                  device: /dev/sdb
                  ssh: flash@station.lab:2222
                  identity: keys/flash
                """));
        assertEquals("tcp:ser2net.lab:7007", t.consoleAddress());
        assertEquals("flash@station.lab:2222", t.disk().ssh());
        assertEquals(tmp.resolve("keys/flash"), t.disk().identity(), "relative to the target file");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "name: x\nconsole:\n  serial: /dev/ttyS0\n  tcp: a:1\npower:\n  cycle: c\n",
            "name: x\nconsole:\n  tcp: nohost\npower:\n  cycle: c\n",
            "name: x\nconsole:\n  tcp: a:1\npower:\n  on: x\n",
            "name: x\nconsole:\n  tcp: a:1\npower:\n  cycle: c\n  offSeconds: -1\n",
            "name: x\nconsole:\n  tcp: a:1\npower:\n  cycle: c\nflash: yes\n",
            "name: ../x\nconsole:\n  tcp: a:1\npower:\n  cycle: c\n",
            "name: x\nname: y\nconsole:\n  tcp: a:1\npower:\n  cycle: c\n",
            "name: x\nconsole:\n  tcp: a:1\npower:\n  cycle: c\ndisk:\n  ssh: a@b\n"})
    void mistakesAreBadInputNamingTheKey(String yaml) throws Exception {
        Path f = Files.writeString(tmp.resolve("bad.yaml"), yaml);
        AntsException e = assertThrows(AntsException.class, () -> TargetFile.load(f));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
}
