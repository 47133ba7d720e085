package org.govchain.auth.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The development signing key: an RSA key generated on first start and kept as a JWK file in the
 * data directory, so restarts keep issued tokens valid. Never for production (the {@code prod}
 * profile refuses it).
 */
public final class DevelopmentSigningKeys {

  /** The key file's name inside the data directory. */
  public static final String FILE_NAME = "dev-signing-key.jwk.json";

  static final int KEY_SIZE = 2048;

  private static final Logger log = LoggerFactory.getLogger(DevelopmentSigningKeys.class);

  private DevelopmentSigningKeys() {}

  /** The key kept in {@code dataDir}, generated and written there first if there is none. */
  public static SigningKey loadOrCreate(Path dataDir) {
    Path file = dataDir.resolve(FILE_NAME);
    if (Files.exists(file)) {
      return read(file);
    }
    SigningKey created = generate(file);
    try {
      write(created.jwk(), file);
      log.warn(
          "generated a DEVELOPMENT signing key (kid {}) in {}; never use it in production",
          created.keyId(),
          file);
      return created;
    } catch (FileAlreadyExistsException raced) {
      return read(file); // another instance wrote it first: use theirs, so both sign alike
    } catch (IOException e) {
      throw new SigningKeyException("cannot write the development signing key " + file, e);
    }
  }

  private static SigningKey generate(Path file) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(KEY_SIZE);
      KeyPair pair = generator.generateKeyPair();
      RSAKey jwk = SigningKey.toJwk((RSAPublicKey) pair.getPublic(), pair.getPrivate());
      return new SigningKey(jwk, SigningKey.Origin.DEVELOPMENT, file.toString());
    } catch (GeneralSecurityException e) {
      throw new SigningKeyException("cannot generate an RSA key", e);
    }
  }

  private static SigningKey read(Path file) {
    try {
      RSAKey stored = RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8));
      if (!stored.isPrivate()) {
        throw new SigningKeyException("the development key file " + file + " has no private key");
      }
      RSAKey jwk = SigningKey.toJwk(stored.toRSAPublicKey(), stored.toPrivateKey());
      log.info("using the DEVELOPMENT signing key (kid {}) from {}", jwk.getKeyID(), file);
      return new SigningKey(jwk, SigningKey.Origin.DEVELOPMENT, file.toString());
    } catch (IOException | ParseException | JOSEException e) {
      throw new SigningKeyException(
          "cannot read the development signing key " + file + " (delete it to make a new one)", e);
    }
  }

  /** Writes the key readable by its owner only, atomically, never over an existing file. */
  private static void write(RSAKey jwk, Path file) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, ".dev-signing-key", ".tmp");
    try {
      if (Files.getFileAttributeView(temp, PosixFileAttributeView.class) != null) {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
      }
      Files.writeString(temp, jwk.toJSONString(), StandardCharsets.UTF_8);
      // a hard link appears complete or not at all, and fails if the file exists (unlike rename)
      Files.createLink(file, temp);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
