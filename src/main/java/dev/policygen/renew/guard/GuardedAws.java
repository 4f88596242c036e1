package dev.policygen.renew.guard;

import dev.policygen.AwsFailure;
import dev.policygen.renew.cloud.AwsServices;
import dev.policygen.renew.cloud.ConditionalWrite;
import dev.policygen.renew.cloud.HostedZones;
import dev.policygen.renew.cloud.InstalledCertificate;
import dev.policygen.renew.cloud.ObjectStore;
import dev.policygen.renew.cloud.ServerCertificates;
import dev.policygen.renew.cloud.TxtChange;
import dev.policygen.renew.cloud.TxtRecord;
import dev.policygen.renew.cloud.ZoneRole;
import dev.policygen.renew.destination.DestinationAws;
import dev.policygen.route53.HostedZoneId;
import dev.policygen.route53.RecordChange;
import dev.policygen.route53.Route53Names;
import dev.policygen.route53.StsNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every AWS request of the renewer, each described to the guard as the action and resource AWS
 * authorizes it on, and sent through the {@link CallGate}. The renewer holds only this, never
 * the services themselves, so no request can skip the guard.
 */
public final class GuardedAws implements DestinationAws {
    private final AwsServices services;
    private final CallGate gate;
    private final AwsScope scope;
    /** Route 53 as the role of each zone in another account, once {@link #assumeZoneRoles} took them. */
    private final Map<HostedZoneId, HostedZones> roleZones = new ConcurrentHashMap<>();
    /** The zone of each change this run made, so its GetChange goes as the role that made it. */
    private final Map<String, HostedZoneId> changeZones = new ConcurrentHashMap<>();

    public GuardedAws(AwsServices services, CallGate gate, AwsScope scope) {
        this.services = services;
        this.gate = gate;
        this.scope = scope;
    }

    /**
     * Assumes each zone's role with the run's own credentials, one {@code sts:AssumeRole} per role, each checked
     * by the guard as a call of the run's own (the workload policy grants it on exactly that role ARN), so a
     * refusal, by the guard or by STS, comes before any Route 53 call. Later Route 53 calls about those zones
     * are made as their role; the refreshes of their sessions, which the SDK sends on its own, are judged the
     * same way ({@link CallGate#roleSessions}), and a call that needed a refresh the guard refused fails with the
     * guard's denial.
     */
    public void assumeZoneRoles(Map<HostedZoneId, ZoneRole> roles) throws GuardException, AwsFailure,
            InterruptedException {
        Map<ZoneRole, HostedZones> sessions = new LinkedHashMap<>();
        for (Map.Entry<HostedZoneId, ZoneRole> entry : roles.entrySet()) {
            ZoneRole role = entry.getValue();
            if (!sessions.containsKey(role)) {
                sessions.put(role, gate.send(IntendedCall.of(StsNames.ASSUME_ROLE, role.roleArn()),
                        () -> services.hostedZonesAs(role, gate.roleSessions())));
            }
            roleZones.put(entry.getKey(), sessions.get(role));
        }
    }

    /** Route 53 as whoever reaches {@code zone}: its role, or the run's own credentials. */
    private HostedZones route53(HostedZoneId zone) {
        HostedZones role = roleZones.get(zone);
        return role != null ? role : services.hostedZones();
    }

    public AwsScope scope() {
        return scope;
    }

    public CallGate gate() {
        return gate;
    }

    public List<HostedZones.Zone> zonesFrom(String dnsName) throws GuardException, AwsFailure, InterruptedException {
        return gate.send(IntendedCall.of(Route53Names.LIST_HOSTED_ZONES_BY_NAME, "*"),
                () -> services.hostedZones().zonesFrom(dnsName));
    }

    /** GetHostedZone on the zone's ARN: its name, to check a zone the config gives by id alone. */
    public HostedZones.Zone zone(HostedZoneId zone) throws GuardException, AwsFailure, InterruptedException {
        return gate.send(new IntendedCall(Route53Names.GET_HOSTED_ZONE, scope.hostedZone(zone), Optional.of(zone),
                List.of()), () -> route53(zone).zone(zone));
    }

    public TxtRecord txtRecord(HostedZoneId zone, String name) throws GuardException, AwsFailure,
            InterruptedException {
        return gate.send(new IntendedCall(Route53Names.LIST_RECORD_SETS, scope.hostedZone(zone), Optional.of(zone),
                List.of()), () -> route53(zone).txtRecord(zone, name));
    }

    /** One ListResourceRecordSets for many names ({@link HostedZones#txtRecords}), guarded as the single read. */
    public List<TxtRecord> txtRecords(HostedZoneId zone, List<String> names) throws GuardException, AwsFailure,
            InterruptedException {
        return gate.send(new IntendedCall(Route53Names.LIST_RECORD_SETS, scope.hostedZone(zone), Optional.of(zone),
                List.of()), () -> route53(zone).txtRecords(zone, names));
    }

    /**
     * One ChangeResourceRecordSets, described to the guard change by change ({@code DELETE TXT name},
     * {@code CREATE TXT name}): the renewer's batches hold only those two actions, never UPSERT.
     */
    public String change(HostedZoneId zone, List<TxtChange> changes) throws GuardException, AwsFailure,
            InterruptedException {
        List<RecordChange> described = new ArrayList<>();
        for (TxtChange change : changes) {
            described.add(new RecordChange(change.action().name(), "TXT", change.record().name()));
        }
        String changeId = gate.send(changeCall(zone, described), () -> route53(zone).change(zone, changes));
        changeZones.put(changeId, zone);
        return changeId;
    }

    /**
     * The policy's name group of {@code name} in {@code zone}: a ChangeResourceRecordSets batch holds the
     * names of one group only, or the statement that allows some of them would not allow the others.
     */
    public int changeGroup(HostedZoneId zone, String name) {
        return gate.changeGroup(changeCall(zone, List.of(new RecordChange("DELETE", "TXT", name),
                new RecordChange("CREATE", "TXT", name))));
    }

    /** GetChange, as the role of the zone the change was made in (the change's id says nothing of its zone). */
    public boolean inSync(String changeId) throws GuardException, AwsFailure, InterruptedException {
        Optional<HostedZoneId> zone = Optional.ofNullable(changeZones.get(changeId));
        HostedZones route53 = zone.isPresent() ? route53(zone.get()) : services.hostedZones();
        return gate.send(new IntendedCall(Route53Names.GET_CHANGE, scope.change(changeId), zone, List.of()),
                () -> route53.inSync(changeId));
    }

    @Override
    public Optional<InstalledCertificate> serverCertificate(String name) throws GuardException, AwsFailure,
            InterruptedException {
        return gate.send(IntendedCall.of("iam:GetServerCertificate", scope.serverCertificate(name)),
                () -> services.serverCertificates().get(name));
    }

    @Override
    public List<ServerCertificates.Metadata> serverCertificates() throws GuardException, AwsFailure,
            InterruptedException {
        return gate.send(IntendedCall.of("iam:ListServerCertificates", "*"),
                () -> services.serverCertificates().list());
    }

    @Override
    public ServerCertificates.Metadata uploadServerCertificate(String name, String certificatePem,
            String privateKeyPem, String chainPem) throws GuardException, AwsFailure, InterruptedException {
        return gate.send(uploadCall(name),
                () -> services.serverCertificates().upload(name, certificatePem, privateKeyPem, chainPem));
    }

    @Override
    public void deleteServerCertificate(String name) throws GuardException, AwsFailure, InterruptedException {
        gate.send(deleteCall(name), () -> {
            services.serverCertificates().delete(name);
            return null;
        });
    }

    @Override
    public Optional<String> classicListenerCertificate(String name, int port) throws GuardException, AwsFailure,
            InterruptedException {
        return gate.send(IntendedCall.of("elasticloadbalancing:DescribeLoadBalancers", "*"),
                () -> services.loadBalancers().classicListenerCertificate(name, port));
    }

    @Override
    public void setClassicListenerCertificate(String name, int port, String certificateArn) throws GuardException,
            AwsFailure, InterruptedException {
        gate.send(classicListenerCall(name), () -> {
                    services.loadBalancers().setClassicListenerCertificate(name, port, certificateArn);
                    return null;
                });
    }

    @Override
    public Optional<String> listenerDefaultCertificate(String listenerArn) throws GuardException, AwsFailure,
            InterruptedException {
        return gate.send(IntendedCall.of("elasticloadbalancing:DescribeListeners", "*"),
                () -> services.loadBalancers().listenerDefaultCertificate(listenerArn));
    }

    @Override
    public void setListenerDefaultCertificate(String listenerArn, String certificateArn) throws GuardException,
            AwsFailure, InterruptedException {
        gate.send(modifyListenerCall(listenerArn), () -> {
            services.loadBalancers().setListenerDefaultCertificate(listenerArn, certificateArn);
            return null;
        });
    }

    @Override
    public Optional<InstalledCertificate> acmCertificate(String arn) throws GuardException, AwsFailure,
            InterruptedException {
        return gate.send(IntendedCall.of("acm:GetCertificate", arn), () -> services.acm().get(arn));
    }

    @Override
    public String importAcmCertificate(Optional<String> arn, String certificatePem, String privateKeyPem,
            String chainPem) throws GuardException, AwsFailure, InterruptedException {
        return gate.send(importCall(arn),
                () -> services.acm().importCertificate(arn, certificatePem, privateKeyPem, chainPem));
    }

    /** sns:Publish on the topic (renew --notify sns:ARN); returns SNS's MessageId. */
    public String publish(String topicArn, String subject, String message) throws GuardException, AwsFailure,
            InterruptedException {
        return gate.send(IntendedCall.of("sns:Publish", topicArn),
                () -> services.topics().publish(topicArn, subject, message));
    }

    public Optional<byte[]> object(String bucket, String key) throws GuardException, AwsFailure,
            InterruptedException {
        return gate.send(IntendedCall.of("s3:GetObject", scope.object(bucket, key)),
                () -> services.objects().get(bucket, key));
    }

    /** s3:GetObject of a shared state object, with its ETag; empty when there is none. */
    public Optional<ObjectStore.Versioned> readObject(String bucket, String key) throws GuardException, AwsFailure,
            InterruptedException {
        return gate.send(IntendedCall.of("s3:GetObject", scope.object(bucket, key)),
                () -> services.objects().read(bucket, key));
    }

    /** s3:PutObject with If-None-Match: *. */
    public ConditionalWrite createObject(String bucket, String key, byte[] body) throws GuardException, AwsFailure,
            InterruptedException {
        return gate.send(IntendedCall.of("s3:PutObject", scope.object(bucket, key)),
                () -> services.objects().create(bucket, key, body));
    }

    /** s3:PutObject with If-Match: etag. */
    public ConditionalWrite replaceObject(String bucket, String key, byte[] body, String etag) throws GuardException,
            AwsFailure, InterruptedException {
        return gate.send(IntendedCall.of("s3:PutObject", scope.object(bucket, key)),
                () -> services.objects().replace(bucket, key, body, etag));
    }

    /** s3:DeleteObject with If-Match: etag. */
    public ConditionalWrite deleteObject(String bucket, String key, String etag) throws GuardException, AwsFailure,
            InterruptedException {
        return gate.send(IntendedCall.of("s3:DeleteObject", scope.object(bucket, key)),
                () -> services.objects().delete(bucket, key, etag));
    }

    /**
     * Checks a request of a later step with the guard and sends nothing, so a certificate whose
     * challenge records or delivery the policy denies fails before the CA issues anything.
     */
    public void check(IntendedCall call) throws GuardException {
        gate.check(call);
    }

    @Override
    public void checkUpload(String name) throws GuardException {
        check(uploadCall(name));
    }

    @Override
    public void checkDelete(String name) throws GuardException {
        check(deleteCall(name));
    }

    @Override
    public void checkClassicListener(String loadBalancer) throws GuardException {
        check(classicListenerCall(loadBalancer));
    }

    @Override
    public void checkModifyListener(String listenerArn) throws GuardException {
        check(modifyListenerCall(listenerArn));
    }

    @Override
    public void checkImport(Optional<String> arn) throws GuardException {
        check(importCall(arn));
    }

    /** ChangeResourceRecordSets of {@code changes} in {@code zone}. */
    public IntendedCall changeCall(HostedZoneId zone, List<RecordChange> changes) {
        return new IntendedCall(Route53Names.CHANGE_RECORD_SETS, scope.hostedZone(zone), Optional.of(zone), changes);
    }

    private IntendedCall uploadCall(String name) {
        return IntendedCall.of("iam:UploadServerCertificate", scope.serverCertificate(name));
    }

    private IntendedCall deleteCall(String name) {
        return IntendedCall.of("iam:DeleteServerCertificate", scope.serverCertificate(name));
    }

    private IntendedCall classicListenerCall(String loadBalancer) {
        return IntendedCall.of("elasticloadbalancing:SetLoadBalancerListenerSSLCertificate",
                scope.classicLoadBalancer(loadBalancer));
    }

    private IntendedCall modifyListenerCall(String listenerArn) {
        return IntendedCall.of("elasticloadbalancing:ModifyListener", listenerArn);
    }

    /** ImportCertificate into {@code arn}, or as a new certificate when empty. */
    private IntendedCall importCall(Optional<String> arn) {
        return IntendedCall.of("acm:ImportCertificate", arn.orElse(scope.anyAcmCertificate()));
    }
}
