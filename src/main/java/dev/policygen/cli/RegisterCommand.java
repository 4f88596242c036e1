package dev.policygen.cli;

import dev.policygen.UsageException;
import dev.policygen.aws.CredentialSource;
import dev.policygen.aws.SdkAwsServices;
import dev.policygen.renew.account.AccountKeyFile;
import dev.policygen.renew.account.AccountKeys;
import dev.policygen.renew.account.AcmeAccounts;
import dev.policygen.renew.account.AcmeFailure;
import dev.policygen.renew.cloud.AwsServices;
import dev.policygen.renew.config.AccountKeyLocation;
import dev.policygen.renew.config.AcmeDirectory;
import dev.policygen.renew.config.KeyType;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Creates the ACME account the renewer uses, with a new key. Options are plain strings so that
 * building the command line (as every picocli run does) loads no ACME or Bouncy Castle class.
 */
@Command(name = "register",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Create an ACME account with a new key, stored as PEM where --account-key says (a new file with "
                + "mode 0600, or a new S3 object) before the account is created. A key already there is used, never "
                + "replaced: its account is found, or created when an earlier register stored the key but failed.",
        footer = {"%nExample:%n  policygen register --email ops@example.com --account-key file:///etc/policygen/account.pem "
                + "--agree-tos%n",
                "Exit codes: 0 registered (or the key's account found), 2 bad option value, 3 the key file or object "
                        + "is not a usable key or cannot be written, 4 the ACME server or AWS failed."})
final class RegisterCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--email", required = true, paramLabel = "EMAIL",
            description = "Contact address of the account (expiry notices).")
    String email;

    @Option(names = "--account-key", required = true, paramLabel = "URI",
            description = "Where the key goes: file:///PATH or s3://BUCKET/KEY. A key already there is used, never replaced.")
    String accountKey;

    @Option(names = "--directory", paramLabel = "URL", defaultValue = "production",
            description = "ACME directory: production, staging (Let's Encrypt) or a URL. Default: ${DEFAULT-VALUE}.")
    String directory;

    @Option(names = "--key-type", paramLabel = "TYPE", defaultValue = "ec-p256",
            description = "ec-p256, ec-p384, rsa-2048, rsa-3072 or rsa-4096. Default: ${DEFAULT-VALUE}.")
    String keyType;

    @Option(names = "--agree-tos", description = "Agree to the ACME server's terms of service (required when it has any).")
    boolean agreeTos;

    @Option(names = "--acme-ca", paramLabel = "FILE",
            description = "Trust only the CA certificates in this PEM file for the ACME server's HTTPS (private CAs).")
    Path acmeCa;

    @Option(names = "--aws-endpoint", paramLabel = "URL",
            description = "For s3:// keys: send S3 requests here instead of AWS (a local emulator); "
                    + "default: the environment's AWS_ENDPOINT_URL.")
    String awsEndpoint;

    @Mixin
    DebugOption debugOption;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        AccountKeyLocation location = keyLocation(accountKey);
        checkEmail(email);
        KeyType type = KeyType.parse(keyType).orElseThrow(() -> new UsageException(keyType,
                "unknown --key-type \"" + keyType + "\"; use " + KeyType.labels()));
        URI directoryUri = AcmeDirectory.parse(directory).orElseThrow(() -> new UsageException(directory,
                "--directory takes production, staging or an https:// URL, not \"" + directory + "\""));
        try (AwsServices aws = location instanceof AccountKeyLocation.S3Object ? SdkAwsServices.builder(
                new CredentialSource.DefaultChain()).endpoint(SdkAwsServices.endpoint(awsEndpoint, System.getenv()))
                .build() : null) {
            AccountKeys keys = new AccountKeys(Optional.ofNullable(aws).map(AwsServices::objects));
            // an existing key is used, never replaced; a bad one (or a missing directory) fails before any request
            Optional<KeyPair> existing = keys.existing(location);

            AcmeAccounts acme = AcmeAccounts.at(directoryUri, Optional.ofNullable(acmeCa));
            if (existing.isPresent()) {
                Optional<URL> found = acme.existing(existing.get());
                if (found.isPresent()) {
                    out.println("the account key at " + where(location) + " already has the account " + found.get()
                            + " at " + directoryUri + "; nothing changed");
                    out.flush();
                    return ExitCode.OK;
                }
            }
            Optional<URI> terms = acme.termsOfService();
            if (terms.isPresent() && !agreeTos) {
                throw new UsageException("--agree-tos", "the ACME server asks new accounts to agree to its terms of "
                        + "service at " + terms.get() + "; read them and add --agree-tos");
            }
            KeyPair key;
            if (existing.isPresent()) {
                key = existing.get();
            } else {
                // the key is stored before the account exists: an account whose key could not be saved is lost
                key = AccountKeyFile.generate(type);
                keys.store(location, key);
            }
            URL account;
            try {
                account = acme.register(key, email, agreeTos);
            } catch (AcmeFailure e) {
                throw new AcmeFailure(e.getMessage() + "; the account key stays at " + where(location)
                        + ": run this register again to create the account with it", e);
            }
            out.println("registered " + account + " at " + directoryUri);
            out.println(existing.isPresent() ? "with the account key already at " + where(location)
                    : "account key (" + type.label() + ") written to " + where(location));
        }
        out.flush();
        return ExitCode.OK;
    }

    /** One address, checked loosely: the ACME server has the last word, but a typo should not cost a request. */
    private static void checkEmail(String address) throws UsageException {
        int at = address.indexOf('@');
        boolean ok = at > 0 && at == address.lastIndexOf('@') && at < address.length() - 1;
        for (int i = 0; ok && i < address.length(); i++) {
            char c = address.charAt(i);
            ok = c > 0x20 && c != 0x7F && c != ',' && c != '<' && c != '>';
        }
        if (!ok) {
            throw new UsageException(address, "--email takes one address such as ops@example.com, not \"" + address
                    + "\"");
        }
    }

    private static AccountKeyLocation keyLocation(String uri) throws UsageException {
        return AccountKeyLocation.parse(uri).orElseThrow(() -> new UsageException(uri,
                "--account-key takes file:///PATH or s3://BUCKET/KEY, not \"" + uri + "\""));
    }

    private static String where(AccountKeyLocation location) {
        return location instanceof AccountKeyLocation.LocalFile file ? file.path().toString() : location.uri();
    }
}
