package dev.policygen.renew.destination;

import dev.policygen.PolicygenException;
import dev.policygen.renew.cloud.InstalledCertificate;
import dev.policygen.renew.cloud.ServerCertificates;
import java.util.List;
import java.util.Optional;

/**
 * The AWS requests destinations make, each checked by the policy guard before it is sent
 * ({@code guard.GuardedAws} implements it); the {@code check} methods ask the guard about a request
 * of delivery and send nothing. Declared here, not in the guard, because the guard's policy is made
 * from the destinations' {@link PolicyGrants}: the guard depends on destinations, not the reverse.
 */
public interface DestinationAws {

    Optional<InstalledCertificate> serverCertificate(String name) throws PolicygenException, InterruptedException;

    List<ServerCertificates.Metadata> serverCertificates() throws PolicygenException, InterruptedException;

    ServerCertificates.Metadata uploadServerCertificate(String name, String certificatePem, String privateKeyPem,
            String chainPem) throws PolicygenException, InterruptedException;

    void deleteServerCertificate(String name) throws PolicygenException, InterruptedException;

    Optional<String> classicListenerCertificate(String name, int port) throws PolicygenException,
            InterruptedException;

    void setClassicListenerCertificate(String name, int port, String certificateArn) throws PolicygenException,
            InterruptedException;

    Optional<String> listenerDefaultCertificate(String listenerArn) throws PolicygenException, InterruptedException;

    void setListenerDefaultCertificate(String listenerArn, String certificateArn) throws PolicygenException,
            InterruptedException;

    Optional<InstalledCertificate> acmCertificate(String arn) throws PolicygenException, InterruptedException;

    /** ImportCertificate into {@code arn}, or as a new certificate when it is empty; returns the ARN. */
    String importAcmCertificate(Optional<String> arn, String certificatePem, String privateKeyPem, String chainPem)
            throws PolicygenException, InterruptedException;

    void checkUpload(String name) throws PolicygenException;

    void checkDelete(String name) throws PolicygenException;

    void checkClassicListener(String loadBalancer) throws PolicygenException;

    void checkModifyListener(String listenerArn) throws PolicygenException;

    void checkImport(Optional<String> arn) throws PolicygenException;
}
