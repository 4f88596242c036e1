package dev.policygen.renew.account;

import dev.policygen.AwsFailure;
import dev.policygen.InputException;
import dev.policygen.SourcePosition;
import dev.policygen.renew.cloud.ObjectStore;
import dev.policygen.renew.config.AccountKeyLocation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
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
     * The key already at {@code where}, read as {@link #read} reads it, or empty when there is none yet.
     * register calls this before it sends anything: an existing key is used, never replaced (it is the
     * only proof of its ACME account), and a file whose directory is missing fails here, before an ACME
     * request, rather than when the key is written.
     */
    public Optional<KeyPair> existing(AccountKeyLocation where) throws InputException, AwsFailure {
        if (where instanceof AccountKeyLocation.LocalFile file) {
            if (Files.exists(file.path(), LinkOption.NOFOLLOW_LINKS)) {
                return Optional.of(AccountKeyFile.read(file.path()));
            }
            Path parent = file.path().toAbsolutePath().getParent();
            if (parent == null || !Files.isDirectory(parent)) {
                throw new InputException(file.path().toString(), SourcePosition.UNKNOWN,
                        "the directory of the account key does not exist");
            }
            return Optional.empty();
        }
        AccountKeyLocation.S3Object object = (AccountKeyLocation.S3Object) where;
        Optional<byte[]> pem = s3(object).get(object.bucket(), object.key());
        if (pem.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(AccountKeyFile.parse(new String(pem.get(), StandardCharsets.US_ASCII), object.uri()));
    }

    /** Stores a new key; an existing file or object (one written since {@link #existing}) is left as it is. */
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
