package dev.policygen.renew.destination;

import dev.policygen.io.InputFiles;
import dev.policygen.renew.acme.IssuedCertificate;
import dev.policygen.renew.cloud.InstalledCertificate;
import dev.policygen.renew.config.Destination;
import dev.policygen.renew.deliver.DeliveryFailure;
import dev.policygen.renew.deliver.PemFiles;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.util.Optional;

/** PEM files in a local directory ({@link PemFiles}); no AWS request, so nothing to grant; the directory is checked. */
public record PemFilesDestination(Destination.Files config) implements DestinationKind {

    @Override
    public String describe() {
        return config.dir().toString();
    }

    @Override
    public Optional<String> configuredArn() {
        return Optional.empty();
    }

    @Override
    public ServiceState read(String certificate, ServiceReader reader) throws DeliveryFailure {
        Optional<InstalledCertificate> installed;
        try {
            installed = PemFiles.read(config.dir());
        } catch (IOException e) {
            // the JDK's words are a bare path (permission denied) or "Input length = 1" (not ASCII)
            String reason = e instanceof CharacterCodingException ? "cert.pem or chain.pem is not PEM text"
                    : InputFiles.reason(e);
            throw new DeliveryFailure(certificate, "cannot read the certificate in " + config.dir() + ": " + reason, e);
        }
        ServiceState state = ServiceReader.state(certificate, this, installed, config.dir().toString());
        Optional<String> unfinished = PemFiles.unfinished(config.dir());
        return unfinished.isPresent() ? state.unfinished(unfinished.get()) : state;
    }

    @Override
    public void preflight(String certificate, ServiceState state, Delivery delivery) throws DeliveryFailure {
        // nothing the policy decides, but a directory that cannot take the files must fail before the order
        try {
            PemFiles.checkWritable(config.dir());
        } catch (IOException e) {
            throw new DeliveryFailure(certificate, "cannot write the certificate files in " + config.dir()
                    + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String deliver(String certificate, IssuedCertificate issued, ServiceState state, Delivery delivery)
            throws DeliveryFailure {
        try {
            PemFiles.write(config.dir(), issued.certificatePem(), issued.chainPem(), issued.fullchainPem(),
                    issued.privateKeyPem());
        } catch (IOException e) {
            throw new DeliveryFailure(certificate, "cannot write the certificate files in " + config.dir() + ": "
                    + e.getMessage(), e);
        }
        return config.dir().toString();
    }

    @Override
    public void grant(PolicyGrants grants) {
        // local files need no AWS permission
    }
}
