package dev.policygen.cli;

import dev.policygen.PolicygenException;
import dev.policygen.aws.CredentialSource;
import dev.policygen.aws.SdkAwsServices;
import dev.policygen.renew.AwsConnector;
import dev.policygen.renew.cloud.AwsServices;
import java.util.Optional;

/** The renewer's AWS: the SDK's services with the default credential chain, configured as the environment says. */
final class SdkAwsConnector implements AwsConnector {
    @Override
    public String defaultRegion() {
        return SdkAwsServices.defaultRegion(System.getenv());
    }

    @Override
    public AwsServices open(String region, Optional<String> endpoint, boolean warmUpRoute53)
            throws PolicygenException {
        SdkAwsServices services = SdkAwsServices.builder(new CredentialSource.DefaultChain()).region(region)
                .endpoint(SdkAwsServices.endpoint(endpoint.orElse(null), System.getenv())).build();
        if (warmUpRoute53) {
            // the SDK's cold first request overlaps the ACME login and order instead of following them
            services.warmUpRoute53();
        }
        return services;
    }
}
