package dev.ants.flash.ssh;

import dev.ants.core.AntsException;
import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SshTargetTest {
    @Test
    void parsesUserHostAndPort() {
        SshTarget t = SshTarget.parse("root@lab1:2222", null, null);
        assertEquals("root", t.user());
        assertEquals("lab1", t.host());
        assertEquals(2222, t.port());
        assertEquals("[lab1]:2222", t.knownHostsName());
        assertEquals(22, SshTarget.parse("pi@10.0.0.5", null, null).port());
        assertEquals("fe80::1", SshTarget.parse("me@[fe80::1]:22", null, null).host());
        assertEquals("fe80::1", SshTarget.parse("me@[fe80::1]:22", null, null).knownHostsName());
    }

    @Test
    void rejectsMalformedSpecs() {
        for (String bad : new String[] {"lab1", "root@", "root@lab1:x", "root@lab1:70000", "a b@c"}) {
            assertThrows(AntsException.class, () -> SshTarget.parse(bad, null, null), bad);
        }
    }

    @Test
    void fingerprintsLikeSshKeygen() {
        // an ed25519 public key blob and the fingerprint ssh-keygen -l printed for it
        byte[] blob = Base64.getDecoder().decode("AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl");
        assertEquals("ed25519", SshConnector.keyType(blob));
        assertEquals("SHA256:+DiY3wvvV6TuJJhbpZisF/zLDA0zPMSvHdkr4UvCOqU", SshConnector.fingerprint(blob));
    }
}
