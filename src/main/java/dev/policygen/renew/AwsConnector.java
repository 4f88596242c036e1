package dev.policygen.renew;

import dev.policygen.PolicygenException;
import dev.policygen.renew.cloud.AwsServices;
import java.util.Optional;

/**
 * Opens the AWS services of a pass. The command passes the SDK's; the renewer itself knows only the
 * {@link AwsServices} port, so that the SDK stays in its adapter package.
 */
public interface AwsConnector {
    /** The region of the ELB, ELBv2 and ACM calls when the request names none (the environment's). */
    String defaultRegion();

    /**
     * @param endpoint one endpoint for every service (a sandbox), as the operator wrote it; else the environment's
     * @param warmUpRoute53 start the Route 53 client now, because slow work that needs no AWS comes first
     */
    AwsServices open(String region, Optional<String> endpoint, boolean warmUpRoute53) throws PolicygenException;
}
