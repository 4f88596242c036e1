package dev.policygen.renew.destination;

import dev.policygen.PolicygenException;
import dev.policygen.renew.acme.IssuedCertificate;
import dev.policygen.renew.config.Destination;
import dev.policygen.renew.deliver.DeliveryFailure;
import java.io.IOException;
import java.util.Optional;

/**
 * An ACM certificate, re-imported in place so its bindings stay: the one whose ARN the config gives,
 * else the one renew imported as new on an earlier run ({@code ImportedArns}), else a new import
 * whose ARN is remembered for the next run.
 */
public record AcmDestination(Destination.Acm config) implements DestinationKind {

    @Override
    public String describe() {
        return "a new ACM certificate";
    }

    @Override
    public Optional<String> configuredArn() {
        return config.certificateArn();
    }

    @Override
    public ServiceState read(String certificate, ServiceReader reader) throws PolicygenException,
            InterruptedException {
        Optional<String> arn = config.certificateArn().isPresent() ? config.certificateArn()
                : reader.importedArns().get(certificate);
        return reader.byArn(certificate, this, arn);
    }

    @Override
    public void preflight(String certificate, ServiceState state, Delivery delivery) throws PolicygenException {
        delivery.aws().checkImport(target(state));
    }

    @Override
    public String deliver(String certificate, IssuedCertificate issued, ServiceState state, Delivery delivery)
            throws PolicygenException, InterruptedException {
        Optional<String> target = target(state);
        String arn = delivery.aws().importAcmCertificate(target, issued.certificatePem(), issued.privateKeyPem(),
                issued.chainPem());
        if (target.isEmpty()) {
            try {
                delivery.importedArns().put(certificate, arn);
            } catch (IOException e) {
                throw new DeliveryFailure(certificate, "imported as " + arn + " but cannot remember it for the next "
                        + "run (add certificateArn: " + arn + " to the config): " + e.getMessage(), e);
            }
            delivery.log().info("acm.imported", "cert", certificate, "arn", arn, "hint",
                    "add certificateArn to the config");
        }
        return arn;
    }

    /** The configured ARN, else the one in service (imported as new on an earlier run); empty imports as new. */
    private Optional<String> target(ServiceState state) {
        return config.certificateArn().isPresent() ? config.certificateArn() : state.location();
    }

    @Override
    public void grant(PolicyGrants grants) {
        if (config.certificateArn().isPresent()) {
            grants.add(GenerateFlag.ACM_CERTIFICATE_ARN, config.certificateArn().get());
        } else {
            grants.add(GenerateFlag.ACM_IMPORT_NEW);
        }
    }
}
