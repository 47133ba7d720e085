package org.govchain.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Supplier;
import org.govchain.anchor.checkpoint.NoteSigner;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.utils.Numeric;

/**
 * The local suite's per-installation keys, made on the first start and read again on every later
 * one from {@code keys/} (owner-only files): the registry owner and each log's submitter (Ethereum
 * keys), each log's checkpoint signer (C2SP note key) and reference key, and data-encryption keys.
 *
 * <p>DEV ONLY: these keys sit unencrypted on disk so that a restarted suite keeps verifying what it
 * made before; a deployment takes its keys from its own secret store. Key material is never
 * printed; only addresses and public verifier keys are.
 */
final class DevKeys {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path dir;

  DevKeys(Path dir) {
    this.dir = dir;
  }

  /** The Ethereum key stored as {@code <name>.hex}, generated if missing. */
  Credentials ethereum(String name) {
    String hex =
        secret(
            name + ".hex",
            () -> {
              try {
                return Numeric.toHexStringWithPrefixZeroPadded(
                    Keys.createEcKeyPair().getPrivateKey(), 64);
              } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot generate an Ethereum key", e);
              }
            });
    try {
      return Credentials.create(hex);
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          dir.resolve(name + ".hex")
              + " does not hold a hex private key; delete it to make a new one",
          e);
    }
  }

  /**
   * The checkpoint signer of log {@code origin}, stored as {@code <name>.note}, generated if
   * missing.
   */
  NoteSigner logSigner(String name, String origin) {
    String key = secret(name + ".note", () -> NoteSigner.generate(origin).signerKey());
    NoteSigner signer;
    try {
      signer = NoteSigner.fromSignerKey(key);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          dir.resolve(name + ".note") + " is not a signer key: " + e.getMessage(), e);
    }
    if (!signer.name().equals(origin)) {
      throw new IllegalStateException(
          dir.resolve(name + ".note") + " signs for '" + signer.name() + "', not '" + origin + "'");
    }
    return signer;
  }

  /** 32 random bytes, base64, stored as {@code <name>.b64}, generated if missing. */
  String aesKey(String name) {
    return secret(
        name + ".b64",
        () -> {
          byte[] key = new byte[32];
          RANDOM.nextBytes(key);
          return Base64.getEncoder().encodeToString(key);
        });
  }

  private String secret(String file, Supplier<String> generator) {
    Path path = dir.resolve(file);
    try {
      if (Files.isRegularFile(path)) {
        return Files.readString(path, StandardCharsets.UTF_8).strip();
      }
      Files.createDirectories(dir, ownerOnly("rwx------"));
      String value = generator.get();
      try {
        Files.writeString(
            Files.createFile(path, ownerOnly("rw-------")),
            value + "\n",
            StandardCharsets.UTF_8,
            StandardOpenOption.TRUNCATE_EXISTING);
      } catch (FileAlreadyExistsException raced) {
        return Files.readString(path, StandardCharsets.UTF_8).strip();
      }
      return value;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or write the dev key " + path, e);
    }
  }

  private static FileAttribute<?>[] ownerOnly(String permissions) {
    if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      return new FileAttribute<?>[0];
    }
    return new FileAttribute<?>[] {
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))
    };
  }
}
