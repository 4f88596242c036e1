package dev.policygen.deliver;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@code policygen deliver} was asked to do, as plain values (the command builds it from its
 * options).
 *
 * @param cert the certificate, or the certificate and its issuers ({@code fullchain.pem})
 * @param key its private key
 * @param chain the issuers, when {@code cert} holds the leaf alone
 * @param destinations each {@code --to}, written as an entry of a renew config's {@code destinations}
 * @param name the certificate's name in the log and in the state directory's ACM imports; else its first DNS name
 * @param deleteOld delete the IAM server certificates replaced, once the new one is in service everywhere
 * @param dryRun send nothing; print the requests it would send, each checked against the policy
 * @param policyFiles the policy the credentials have, in one file or several evaluated together (the documents
 *     {@code generate --split} writes); none: the one {@code generate --client deliver} makes
 * @param awsRegion the region of the ELB, ELBv2 and ACM calls; else the environment's
 * @param awsAccount the account of the credentials; else the destinations' ARNs'
 * @param awsEndpoint one endpoint for every AWS service (a sandbox), as given
 * @param stateDir where ACM imports as new are remembered; else renew's default
 */
public record DeliverRequest(Path cert, Path key, Optional<Path> chain, List<String> destinations,
        Optional<String> name, boolean deleteOld, boolean dryRun, List<Path> policyFiles,
        Optional<String> awsRegion, Optional<String> awsAccount, Optional<String> awsEndpoint,
        Optional<Path> stateDir) {
    public DeliverRequest {
        destinations = List.copyOf(destinations);
        policyFiles = List.copyOf(policyFiles);
    }
}
