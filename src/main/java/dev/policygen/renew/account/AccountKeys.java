package dev.policygen.renew.account;

import dev.policygen.AwsFailure;
import dev.policygen.InputException;
import dev.policygen.SourcePosition;
import dev.policygen.renew.cloud.ObjectStore;
import dev.policygen.renew.config.AccountKeyLocation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Optional;

/**
 * ACME account keys where an {@link AccountKeyLocation} says: a local file ({@link AccountKeyFile},
 * mode 0600) or an S3 object. Either way an existing key is never replaced: it is the only proof of
 * the ACME account. S3 writes are conditional (If-None-Match), so two registers racing cannot both win.
 */
public final class AccountKeys {
    private final Optional<ObjectStore> objects;

    /** @param objects S3, needed only for s3:// locations */
    public AccountKeys(Optional<ObjectStore> objects) {
        this.objects = objects;
    }

    /**
     * Fails before a key is made or any ACME request sent when a key is already there (or, for a file,
     * when its directory is missing: an account registered with a key that cannot be saved is lost).
     */
    public void requireAbsent(AccountKeyLocation where) throws InputException, AwsFailure {
        if (where instanceof AccountKeyLocation.LocalFile file) {
            AccountKeyFile.requireAbsent(file.path());
            Path parent = file.path().toAbsolutePath().getParent();
            if (parent == null || !Files.isDirectory(parent)) {
                throw new InputException(file.path().toString(), SourcePosition.UNKNOWN,
                        "the directory of the account key does not exist");
            }
        } else {
            AccountKeyLocation.S3Object object = (AccountKeyLocation.S3Object) where;
            if (s3(object).get(object.bucket(), object.key()).isPresent()) {
                throw AccountKeyFile.exists(object.uri());
            }
        }
    }

    /** Stores a new key; an existing file or object is left as it is and reported as for {@link #requireAbsent}. */
    public void store(AccountKeyLocation where, KeyPair key) throws InputException, AwsFailure {
        if (where instanceof AccountKeyLocation.LocalFile file) {
            AccountKeyFile.write(file.path(), key);
        } else {
            AccountKeyLocation.S3Object object = (AccountKeyLocation.S3Object) where;
            if (!s3(object).putIfAbsent(object.bucket(), object.key(), AccountKeyFile.pem(key, object.uri()))) {
                throw AccountKeyFile.exists(object.uri());
            }
        }
    }

    public KeyPair read(AccountKeyLocation where) throws InputException, AwsFailure {
        if (where instanceof AccountKeyLocation.LocalFile file) {
            return AccountKeyFile.read(file.path());
        }
        AccountKeyLocation.S3Object object = (AccountKeyLocation.S3Object) where;
        byte[] pem = s3(object).get(object.bucket(), object.key()).orElseThrow(() -> new InputException(object.uri(),
                SourcePosition.UNKNOWN, "there is no account key here (no such S3 object); create one with "
                        + "policygen register"));
        return AccountKeyFile.parse(new String(pem, StandardCharsets.US_ASCII), object.uri());
    }

    private ObjectStore s3(AccountKeyLocation.S3Object object) {
        return objects.orElseThrow(() -> new IllegalStateException("no S3 client for " + object.uri()));
    }
}
