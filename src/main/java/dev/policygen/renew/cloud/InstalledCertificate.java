package dev.policygen.renew.cloud;

/**
 * A certificate as a service holds it: where (an ARN, or a file path), the leaf certificate and
 * the chain in PEM. Never a private key: the renewer does not read keys back.
 */
public record InstalledCertificate(String location, String certificatePem, String chainPem) {
}
