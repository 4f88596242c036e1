package dev.policygen.renew.destination;

import dev.policygen.PolicygenException;
import dev.policygen.renew.acme.IssuedCertificate;
import dev.policygen.renew.config.Destination;
import java.util.Optional;

/**
 * The default certificate of an Application or Network Load Balancer listener. An ACM certificate
 * there is re-imported in place, which keeps every binding; anything else (an IAM server
 * certificate, none) is replaced by a new ACM import set on the listener.
 */
public record Elbv2ListenerDestination(Destination.Elbv2 config) implements DestinationKind {

    @Override
    public String describe() {
        return config.listenerArn();
    }

    @Override
    public Optional<String> configuredArn() {
        return Optional.of(config.listenerArn());
    }

    @Override
    public ServiceState read(String certificate, ServiceReader reader) throws PolicygenException,
            InterruptedException {
        return reader.byArn(certificate, this, reader.aws().listenerDefaultCertificate(config.listenerArn()));
    }

    @Override
    public void preflight(String certificate, ServiceState state, Delivery delivery) throws PolicygenException {
        Optional<String> current = state.location().filter(Arns::isAcmCertificate);
        delivery.aws().checkImport(current);
        if (current.isEmpty()) {
            delivery.aws().checkModifyListener(config.listenerArn());
        }
    }

    @Override
    public String deliver(String certificate, IssuedCertificate issued, ServiceState state, Delivery delivery)
            throws PolicygenException, InterruptedException {
        Optional<String> current = state.location().filter(Arns::isAcmCertificate);
        // re-importing into the listener's ACM certificate keeps every binding; anything else gets a new one
        String arn = delivery.aws().importAcmCertificate(current, issued.certificatePem(), issued.privateKeyPem(),
                issued.chainPem());
        if (current.isEmpty()) {
            delivery.aws().setListenerDefaultCertificate(config.listenerArn(), arn);
            delivery.log().info("elbv2.installed", "cert", certificate, "listener", config.listenerArn(), "arn", arn);
        }
        return arn;
    }

    /** An IAM server certificate on the listener is taken out of service by the new ACM one. */
    @Override
    public Optional<String> replacedServerCertificate(ServiceState state) {
        return state.location().filter(Arns::isServerCertificate);
    }

    @Override
    public void grant(PolicyGrants grants) {
        grants.add(GenerateFlag.LISTENER_ARN, config.listenerArn());
    }
}
