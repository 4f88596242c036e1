package dev.policygen.cli;

import dev.policygen.UsageException;
import dev.policygen.aws.CredentialSource;
import dev.policygen.aws.SdkAwsServices;
import dev.policygen.renew.account.AccountKeyFile;
import dev.policygen.renew.account.AccountKeys;
import dev.policygen.renew.account.AcmeAccounts;
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
        description = "Create an ACME account with a new key, stored as PEM where --account-key says: a new file (mode "
                + "0600) or a new S3 object.",
        footer = {"%nExample:%n  policygen register --email ops@example.com --account-key file:///etc/policygen/account.pem "
                + "--agree-tos%n",
                "Exit codes: 0 registered, 2 bad option value, 3 the key file or object exists or cannot be written, "
                        + "4 the ACME server or AWS failed."})
final class RegisterCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--email", required = true, paramLabel = "EMAIL",
            description = "Contact address of the account (expiry notices).")
    String email;

    @Option(names = "--account-key", required = true, paramLabel = "URI",
            description = "Where the new key goes: file:///PATH or s3://BUCKET/KEY. The file or object must not exist.")
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
            // refuse before any key is made or any ACME request sent, so nothing changes anywhere
            keys.requireAbsent(location);

            AcmeAccounts acme = AcmeAccounts.at(directoryUri, Optional.ofNullable(acmeCa));
            Optional<URI> terms = acme.termsOfService();
            if (terms.isPresent() && !agreeTos) {
                throw new UsageException("--agree-tos", "the ACME server asks new accounts to agree to its terms of "
                        + "service at " + terms.get() + "; read them and add --agree-tos");
            }
            KeyPair key = AccountKeyFile.generate(type);
            URL account = acme.register(key, email, agreeTos);
            keys.store(location, key);
            out.println("registered " + account + " at " + directoryUri);
            out.println("account key (" + type.label() + ") written to " + where(location));
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
