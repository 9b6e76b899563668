package dev.ants.harness.console;

import com.fazecast.jSerialComm.SerialPort;
import dev.ants.core.AntsException;

import java.io.IOException;

/** A real serial port (USB-UART, /dev/ttyS*, a pty) through jSerialComm, 8N1 at the given rate. */
public final class SerialPortConsole implements Console {
    private final SerialPort port;
    private volatile boolean closed;

    public SerialPortConsole(String device, int baud) {
        this.port = SerialPort.getCommPort(device);
        port.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        // Semi-blocking with a short timeout: read() wakes up regularly, so close() is noticed.
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, 200, 0);
        if (!port.openPort()) {
            throw AntsException.environment("cannot open serial port " + device + " (error " + port.getLastErrorCode() + ")",
                    "check the device name and that you may open it (group dialout)");
        }
    }

    @Override
    public int read(byte[] buf) throws IOException {
        while (!closed) {
            int n = port.readBytes(buf, buf.length);
            if (n > 0) return n;
            if (n < 0 && !port.isOpen()) return -1;
        }
        return -1;
    }

    @Override
    public void write(byte[] bytes, int off, int len) throws IOException {
        int done = 0;
        while (done < len) {
            int n = port.writeBytes(bytes, len - done, off + done);
            if (n < 0) throw new IOException("write to " + port.getSystemPortPath() + " failed (error " + port.getLastErrorCode() + ")");
            done += n;
        }
    }

    @Override
    public String describe() {
        return "serial:" + port.getSystemPortPath() + "@" + port.getBaudRate();
    }

    @Override
    public void close() {
        closed = true;
        port.closePort();
    }
}
