package dev.policygen.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * Issue 10 item 17: the DNS port as an authoritative server must treat packets that are not plain
 * queries. Raw packets go to 127.0.0.1; that a packet was dropped is shown without waiting on a
 * timeout: a good query sent after it on the same socket must get the first reply.
 */
class SandboxDnsPacketTest {
    private static Sandbox sandbox;

    @BeforeAll
    static void start() throws Exception {
        sandbox = SandboxClients.start(Sandbox.builder());
    }

    @AfterAll
    static void stop() throws Exception {
        sandbox.close();
    }

    private static byte[] query(int id) throws Exception {
        Message query = Message.newQuery(Record.newRecord(Name.fromString("example.com."), Type.SOA, DClass.IN));
        query.getHeader().setID(id);
        return query.toWire();
    }

    /** The packet with the header's second byte (QR, opcode, AA, TC, RD) changed. */
    private static byte[] withFlagsByte(byte[] packet, int flags) {
        byte[] changed = packet.clone();
        changed[2] = (byte) flags;
        return changed;
    }

    /** Sends the packets in order on one UDP socket and returns the first reply. */
    private static Message firstUdpReply(byte[]... packets) throws Exception {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            socket.setSoTimeout(10_000);
            for (byte[] packet : packets) {
                socket.send(new DatagramPacket(packet, packet.length, InetAddress.getLoopbackAddress(),
                        sandbox.ports().dns()));
            }
            byte[] buffer = new byte[4096];
            DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
            socket.receive(reply);
            return new Message(Arrays.copyOf(reply.getData(), reply.getLength()));
        }
    }

    @Test
    void aResponsePacketIsDroppedNotAnswered() throws Exception {
        byte[] response = withFlagsByte(query(1), 0x80 | 0x01); // QR and RD
        assertEquals(2, firstUdpReply(response, query(2)).getHeader().getID());
    }

    @Test
    void aPacketTooShortForAHeaderIsDropped() throws Exception {
        assertEquals(4, firstUdpReply(new byte[] {0, 3, 1, 0, 0}, query(4)).getHeader().getID());
    }

    @Test
    void aQueryWithAnUnreadableBodyGetsFormerr() throws Exception {
        byte[] truncated = Arrays.copyOf(query(5), 16);
        Message reply = firstUdpReply(truncated);
        assertEquals(5, reply.getHeader().getID());
        assertEquals(Rcode.FORMERR, reply.getRcode());
    }

    @Test
    void aQueryWithoutExactlyOneQuestionGetsFormerr() throws Exception {
        byte[] none = Arrays.copyOf(query(6), 12);
        none[4] = 0;
        none[5] = 0;
        Message reply = firstUdpReply(none);
        assertEquals(6, reply.getHeader().getID());
        assertEquals(Rcode.FORMERR, reply.getRcode());
    }

    @Test
    void anOpcodeOtherThanQueryGetsNotimp() throws Exception {
        byte[] notify = withFlagsByte(query(7), Opcode.NOTIFY << 3);
        Message reply = firstUdpReply(notify);
        assertEquals(7, reply.getHeader().getID());
        assertEquals(Rcode.NOTIMP, reply.getRcode());
        assertEquals(Opcode.NOTIFY, reply.getHeader().getOpcode());
    }

    @Test
    void overTcpAResponseIsSkippedAndTheConnectionStillServes() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), sandbox.ports().dns())) {
            socket.setSoTimeout(10_000);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            for (byte[] packet : new byte[][] {withFlagsByte(query(8), 0x80), query(9)}) {
                out.writeShort(packet.length);
                out.write(packet);
            }
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] reply = new byte[in.readUnsignedShort()];
            in.readFully(reply);
            Message answer = new Message(reply);
            assertEquals(9, answer.getHeader().getID());
            assertEquals(Rcode.NOERROR, answer.getRcode());
        }
    }
}
