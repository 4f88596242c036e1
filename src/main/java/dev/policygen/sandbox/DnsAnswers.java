package dev.policygen.sandbox;

import dev.policygen.route53.RecordNames;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * Answers DNS queries authoritatively from the record store, so Pebble's validation authority and
 * lego's resolver see exactly what the API wrote. For a name inside a zone: the matching sets, a
 * CNAME followed within the sandbox's zones, a covering wildcard, or NODATA/NXDOMAIN with the
 * zone's SOA in the authority section; that last rule is what lego's SOA walk needs (docs/design/local-e2e.md
 * §6.3). A name in no zone gets NXDOMAIN, which lego's walk treats as "keep going up". A CNAME
 * is followed into any of the sandbox's zones, so a delegated challenge resolves in one query.
 */
final class DnsAnswers {
    private static final int MAX_CNAME_CHAIN = 8;
    /** RFC 1035's limit for UDP answers to queries without EDNS. */
    static final int CLASSIC_UDP_SIZE = 512;

    private final RecordStore store;

    DnsAnswers(RecordStore store) {
        this.store = store;
    }

    /** What to send back for one packet; {@code udpLimit} is the size a UDP answer may take. */
    record Reply(Message message, int udpLimit) {
    }

    /**
     * The reply to one packet as received, or null when it must be dropped unanswered. As an
     * authoritative server should (RFC 1035 §4.1.1, RFC 8906 §3): a packet too short for a header, or
     * one that is itself a response (QR set), gets nothing, since answering responses lets two servers
     * bounce packets forever and a spoofed source turn the sandbox into a reflector; a query whose
     * header is readable but whose body is not, or that has other than one question, gets FORMERR; an
     * opcode other than QUERY (NOTIFY, UPDATE, ...) gets NOTIMP.
     */
    Reply reply(byte[] packet) {
        if (packet.length < Header.LENGTH) {
            return null;
        }
        Header header;
        try {
            header = new Header(packet);
        } catch (IOException e) {
            return null;
        }
        if (header.getFlag(Flags.QR)) {
            return null;
        }
        Message query;
        try {
            query = new Message(packet);
        } catch (IOException | RuntimeException e) {
            return new Reply(headerOnly(header, Rcode.FORMERR), CLASSIC_UDP_SIZE);
        }
        OPTRecord opt = query.getOPT();
        int limit = opt == null ? CLASSIC_UDP_SIZE : Math.max(CLASSIC_UDP_SIZE, opt.getPayloadSize());
        if (header.getOpcode() != Opcode.QUERY) {
            return new Reply(headerOnly(header, Rcode.NOTIMP), limit);
        }
        if (header.getCount(Section.QUESTION) != 1) {
            return new Reply(headerOnly(header, Rcode.FORMERR), limit);
        }
        return new Reply(answer(query), limit);
    }

    /** A response with no sections: the query's id, opcode and RD flag, and the rcode. */
    private static Message headerOnly(Header query, int rcode) {
        Message response = new Message(query.getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setOpcode(query.getOpcode());
        if (query.getFlag(Flags.RD)) {
            response.getHeader().setFlag(Flags.RD);
        }
        response.getHeader().setRcode(rcode);
        return response;
    }

    /** The answer to a well-formed QUERY with one question. */
    Message answer(Message query) {
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        if (query.getHeader().getFlag(Flags.RD)) {
            response.getHeader().setFlag(Flags.RD);
        }
        Record question = query.getQuestion();
        if (question == null || query.getHeader().getOpcode() != Opcode.QUERY) {
            response.getHeader().setRcode(Rcode.NOTIMP);
            return response;
        }
        response.addRecord(question, Section.QUESTION);
        String name;
        try {
            name = normalized(question.getName());
        } catch (IllegalArgumentException e) {
            response.getHeader().setRcode(Rcode.NXDOMAIN);
            return response;
        }
        HostedZone zone = store.zoneFor(name);
        if (zone == null || question.getDClass() != DClass.IN) {
            response.getHeader().setRcode(Rcode.NXDOMAIN);
            return response;
        }
        response.getHeader().setFlag(Flags.AA);
        List<RecordSet> sets;
        try {
            sets = store.sets(zone.id());
        } catch (Route53Error e) {
            response.getHeader().setRcode(Rcode.SERVFAIL); // the zone was removed between the two reads
            return response;
        }
        int type = question.getType();
        String current = name;
        for (int hop = 0; hop < MAX_CNAME_CHAIN; hop++) {
            boolean exists = exists(sets, current);
            List<RecordSet> here = exists ? setsNamed(sets, current) : wildcardSets(sets, current, zone);
            List<RecordSet> matching = new ArrayList<>();
            RecordSet cname = null;
            for (RecordSet set : here) {
                if (type == Type.ANY || Type.value(set.type()) == type) {
                    matching.add(set);
                } else if (set.type().equals("CNAME")) {
                    cname = set;
                }
            }
            if (!matching.isEmpty()) {
                for (RecordSet set : matching) {
                    addRecords(response, set, current, Section.ANSWER);
                }
                return response;
            }
            if (cname == null) {
                if (hop == 0) {
                    response.getHeader().setRcode(exists || !here.isEmpty() ? Rcode.NOERROR : Rcode.NXDOMAIN);
                }
                addSoa(response, sets, zone);
                return response;
            }
            addRecords(response, cname, current, Section.ANSWER);
            String target;
            try {
                target = RecordNames.normalize(cname.values().get(0));
            } catch (IllegalArgumentException e) {
                return response;
            }
            if (!zone.contains(target)) {
                // A CNAME into another sandbox zone is followed too, as the recursive resolver in front of
                // real Route 53 would: Pebble's validation authority (Go's resolver) does not chase CNAMEs
                // itself, so a delegated _acme-challenge (example.test -> validation.test) needs the whole
                // chain in one answer. A target in no sandbox zone is left to the asker.
                HostedZone next = store.zoneFor(target);
                if (next == null) {
                    return response;
                }
                try {
                    sets = store.sets(next.id());
                } catch (Route53Error e) {
                    return response; // the zone was removed between the two reads
                }
                zone = next;
            }
            current = target;
        }
        return response;
    }

    private static List<RecordSet> setsNamed(List<RecordSet> sets, String name) {
        List<RecordSet> named = new ArrayList<>();
        for (RecordSet set : sets) {
            if (set.name().equals(name)) {
                named.add(set);
            }
        }
        return named;
    }

    /** Whether the name owns a set or has names below it (an empty non-terminal exists too). */
    private static boolean exists(List<RecordSet> sets, String name) {
        for (RecordSet set : sets) {
            if (set.name().equals(name) || set.name().endsWith("." + name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The sets of the wildcard that covers a name that does not exist (RFC 4592): {@code *} below
     * the name's closest existing ancestor, if the zone has one there.
     */
    private static List<RecordSet> wildcardSets(List<RecordSet> sets, String name, HostedZone zone) {
        String encloser = name;
        while (!encloser.equals(zone.name())) {
            encloser = encloser.substring(encloser.indexOf('.') + 1);
            if (exists(sets, encloser)) {
                return setsNamed(sets, "\\052." + encloser);
            }
        }
        return List.of();
    }

    private static void addSoa(Message response, List<RecordSet> sets, HostedZone zone) {
        for (RecordSet set : sets) {
            if (set.type().equals("SOA") && set.name().equals(zone.name())) {
                addRecords(response, set, set.name(), Section.AUTHORITY);
            }
        }
    }

    private static void addRecords(Message response, RecordSet set, String owner, int section) {
        for (Record record : records(set, owner)) {
            response.addRecord(record, section);
        }
    }

    /**
     * The set as dnsjava records owned by {@code ownerName} (the query name, for a wildcard); a value
     * dnsjava cannot parse is left out rather than answered wrong.
     */
    static List<Record> records(RecordSet set, String ownerName) {
        List<Record> records = new ArrayList<>();
        Name owner = name(ownerName);
        for (String value : set.values()) {
            try {
                if (set.type().equals("TXT")) {
                    List<String> strings = new ArrayList<>();
                    for (String text : TxtStrings.parse(value)) {
                        strings.add(masterFileString(text));
                    }
                    records.add(new TXTRecord(owner, DClass.IN, set.ttl(), strings));
                } else {
                    records.add(Record.fromString(owner, Type.value(set.type()), DClass.IN, set.ttl(), value,
                            Name.root));
                }
            } catch (IOException | IllegalArgumentException e) {
                // Route 53 accepted a value the DNS library cannot encode; answering without it is closer
                // to the truth than failing the whole query
            }
        }
        return records;
    }

    /** dnsjava reads TXT strings in master-file syntax: escape what it would otherwise interpret. */
    private static String masterFileString(String raw) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < 0x20 || c > 0x7E || c == '\\' || c == '"') {
                int octet = c & 0xFF;
                out.append('\\').append((char) ('0' + octet / 100)).append((char) ('0' + octet / 10 % 10))
                        .append((char) ('0' + octet % 10));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A normalized record name as a dnsjava name, label by label so escapes cannot be misread. */
    static Name name(String normalized) {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        for (String label : RecordNames.labels(normalized)) {
            wire.write(label.length());
            byte[] octets = label.getBytes(StandardCharsets.ISO_8859_1);
            wire.write(octets, 0, octets.length);
        }
        wire.write(0);
        try {
            return new Name(wire.toByteArray());
        } catch (IOException e) {
            throw new IllegalArgumentException("not a DNS name: " + normalized, e);
        }
    }

    /** A query name in Route 53's normalized form, to look it up in the store. */
    static String normalized(Name name) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < name.labels(); i++) {
            byte[] label = name.getLabel(i);
            if (label.length <= 1) {
                continue; // the root label
            }
            labels.add(new String(label, 1, label.length - 1, StandardCharsets.ISO_8859_1));
        }
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("the root is in no zone");
        }
        return RecordNames.join(labels);
    }
}
