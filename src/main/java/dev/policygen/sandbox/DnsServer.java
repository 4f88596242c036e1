package dev.policygen.sandbox;

import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * The sandbox's authoritative DNS server on 127.0.0.1, UDP and TCP on one port number, as Pebble's
 * {@code -dnsserver} and lego's {@code --dns.resolvers} expect. dnsjava reads and writes the
 * messages; this class only moves them: datagrams, and TCP's two-byte length framing. Which packets
 * get an answer at all is {@link DnsAnswers#reply}'s decision.
 */
final class DnsServer implements Closeable {
    private final DnsAnswers answers;
    private final DatagramSocket udp;
    private final TcpListener tcp;

    DnsServer(int port, DnsAnswers answers) throws IOException {
        this.answers = answers;
        InetAddress loopback = InetAddress.getLoopbackAddress();
        DatagramSocket boundUdp = null;
        TcpListener boundTcp = null;
        // with an ephemeral port, UDP picks the number and TCP must get the same one; retry if taken
        for (int attempt = 0; boundTcp == null; attempt++) {
            boundUdp = new DatagramSocket(new InetSocketAddress(loopback, port));
            try {
                boundTcp = new TcpListener("dns-tcp", boundUdp.getLocalPort(), this::serveTcp);
            } catch (BindException e) {
                boundUdp.close();
                if (port != 0 || attempt == 20) {
                    throw e;
                }
            }
        }
        this.udp = boundUdp;
        this.tcp = boundTcp;
        Thread thread = new Thread(this::serveUdp, "sandbox-dns-udp");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return udp.getLocalPort();
    }

    private void serveUdp() {
        byte[] buffer = new byte[65535];
        while (!udp.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                udp.receive(packet);
            } catch (IOException e) {
                return; // closed
            }
            try {
                byte[] data = java.util.Arrays.copyOfRange(packet.getData(), packet.getOffset(),
                        packet.getOffset() + packet.getLength());
                DnsAnswers.Reply reply = answers.reply(data);
                if (reply != null) {
                    byte[] wire = reply.message().toWire(reply.udpLimit());
                    udp.send(new DatagramPacket(wire, wire.length, packet.getSocketAddress()));
                }
            } catch (IOException e) {
                // the client's port is gone: nothing to answer
            }
        }
    }

    private void serveTcp(Socket socket) throws IOException {
        DataInputStream in = new DataInputStream(socket.getInputStream());
        DataOutputStream out = new DataOutputStream(socket.getOutputStream());
        while (true) {
            int length;
            try {
                length = in.readUnsignedShort();
            } catch (EOFException e) {
                return;
            }
            byte[] data = new byte[length];
            in.readFully(data);
            DnsAnswers.Reply answer = answers.reply(data);
            if (answer == null) {
                continue; // a response or a runt: dropped, as over UDP
            }
            byte[] reply = answer.message().toWire();
            out.writeShort(reply.length);
            out.write(reply);
            out.flush();
        }
    }

    @Override
    public void close() throws IOException {
        udp.close();
        tcp.close();
    }
}
