package dev.ants.flash.ssh;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import dev.ants.flash.device.Shell;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Runs device scripts on a remote host: one exec channel per script, {@code sh -c} so the user's
 * login shell does not matter. A script whose end the channel never reports (the connection dropped)
 * has status -1.
 */
public final class SshShell implements Shell {
    private final SshTarget target;
    private final Session session;
    private volatile boolean closed;

    private SshShell(SshTarget target, Session session) {
        this.target = target;
        this.session = session;
    }

    public static SshShell open(SshTarget t) {
        return new SshShell(t, SshConnector.connect(t));
    }

    @Override
    public String where() {
        return " on " + target;
    }

    @Override
    public Result run(String script, String... args) throws IOException, InterruptedException {
        return exec(Shell.stdinCommandLine(args), in -> in.write(script.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public Result feed(String script, Feeder feeder, String... args) throws IOException, InterruptedException {
        return exec(Shell.commandLine(script, args), feeder);
    }

    private Result exec(String commandLine, Feeder feeder) throws IOException, InterruptedException {
        if (closed) throw new IOException("cancelled");
        ChannelExec ch;
        try {
            ch = (ChannelExec) session.openChannel("exec");
        } catch (JSchException e) {
            return new Result(-1, "", "the connection to " + target + " is gone (" + e.getMessage() + ")");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            ch.setCommand(commandLine);
            ch.setErrStream(err, true);
            InputStream stdout = ch.getInputStream();
            OutputStream stdin = ch.getOutputStream();
            ch.connect(15_000);
            Thread drain = new Thread(() -> {
                try (stdout) {
                    stdout.transferTo(out);
                } catch (IOException ignored) {
                    // the channel closed; what was read is kept
                }
            }, "ssh output");
            drain.setDaemon(true);
            drain.start();
            IOException feedFailed = null;
            try (stdin) {
                feeder.feed(stdin);
            } catch (IOException x) {
                feedFailed = x;
            }
            while (!ch.isClosed()) {
                if (closed) throw new IOException("cancelled");
                if (!session.isConnected()) break;
                Thread.sleep(5);
            }
            drain.join(2_000);
            if (closed) throw new IOException("cancelled");
            int status = ch.isClosed() ? ch.getExitStatus() : -1;
            String e = err.toString(StandardCharsets.UTF_8);
            if (status == -1 || !session.isConnected()) {
                status = -1;
                e = e + "\nthe connection to " + target + " was lost"
                        + (feedFailed != null ? " (" + feedFailed.getMessage() + ")" : "");
            } else if (feedFailed != null && status == 0) {
                throw feedFailed;
            }
            return new Result(status, out.toString(StandardCharsets.UTF_8), e);
        } catch (JSchException e) {
            return new Result(-1, "", "the connection to " + target + " failed (" + e.getMessage() + ")");
        } catch (InterruptedIOException e) {
            throw new InterruptedException(e.getMessage());
        } finally {
            ch.disconnect();
        }
    }

    @Override
    public void close() {
        closed = true;
        session.disconnect();
    }
}
