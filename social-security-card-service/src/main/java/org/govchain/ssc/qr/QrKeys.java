package org.govchain.ssc.qr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Map;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;

/**
 * The service's QR signing key pair and its algorithm, read from PEM (a PKCS#8 "PRIVATE KEY" block
 * and an X.509 "PUBLIC KEY" block) or generated; a development key is generated once into a file
 * readable by its owner only and reused.
 */
public final class QrKeys {
  private static final byte[] PROBE =
      "govchain qr key pair probe".getBytes(StandardCharsets.US_ASCII);

  private final QrPublicKey publicKey;
  private final PrivateKey privateKey;

  private QrKeys(QrPublicKey publicKey, PrivateKey privateKey) {
    this.publicKey = publicKey;
    this.privateKey = privateKey;
  }

  /** A fresh key pair. */
  public static QrKeys generate(QrSignatureAlgorithm algorithm, SecureRandom random) {
    KeyPair pair = algorithm.generateKeyPair(random);
    return new QrKeys(QrPublicKey.of(pair.getPublic()), pair.getPrivate());
  }

  /**
   * The key pair in a text holding both a "PRIVATE KEY" and a "PUBLIC KEY" block, in any order.
   *
   * @throws QrKeyException if a block is missing, holds an unsupported key, or the two keys do not
   *     belong together
   */
  public static QrKeys fromPem(String pem) {
    Map<String, byte[]> blocks = Pem.decode(pem);
    QrPublicKey publicKey = QrPublicKey.fromDer(Pem.require(blocks, Pem.PUBLIC_KEY));
    return new QrKeys(publicKey, privateKey(Pem.require(blocks, Pem.PRIVATE_KEY), publicKey));
  }

  /** The key pair from a private key PEM and a public key PEM given apart. */
  public static QrKeys fromPem(String privateKeyPem, String publicKeyPem) {
    return fromPem(privateKeyPem + "\n" + publicKeyPem);
  }

  /**
   * The key pair in a file written by {@link #writePem}.
   *
   * @throws QrKeyException if the file's content is not a usable key pair
   */
  public static QrKeys readPem(Path file) throws IOException {
    String pem = Files.readString(file, StandardCharsets.UTF_8);
    try {
      return fromPem(pem);
    } catch (QrKeyException e) {
      throw new QrKeyException(file + ": " + e.getMessage(), e);
    }
  }

  /**
   * The key pair in the file if it exists, else a new one written there: the development set-up.
   *
   * @throws QrKeyException if the file holds a key of another algorithm or no usable key
   */
  public static QrKeys readOrGenerate(
      Path file, QrSignatureAlgorithm algorithm, SecureRandom random) throws IOException {
    QrKeys keys;
    if (Files.exists(file)) {
      keys = readPem(file);
    } else {
      keys = generate(algorithm, random);
      try {
        keys.writePem(file);
      } catch (FileAlreadyExistsException raced) {
        keys = readPem(file);
      }
    }
    if (keys.algorithm() != algorithm) {
      throw new QrKeyException(
          file
              + " holds a "
              + keys.algorithm()
              + " key, not "
              + algorithm
              + " (delete it to make a new one)");
    }
    return keys;
  }

  /**
   * Writes both blocks to a new file, readable and writable by its owner only where the file system
   * has POSIX permissions; the file appears complete or not at all.
   *
   * @throws FileAlreadyExistsException if the file exists (a key is never overwritten)
   */
  public void writePem(Path file) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, ".qr-key", ".tmp");
    try {
      if (Files.getFileAttributeView(temp, PosixFileAttributeView.class) != null) {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
      }
      Files.writeString(temp, privateKeyPem() + publicKey.pem(), StandardCharsets.US_ASCII);
      // a hard link appears complete or not at all, and fails if the file exists (unlike rename)
      Files.createLink(file, temp);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  public QrSignatureAlgorithm algorithm() {
    return publicKey.algorithm();
  }

  /** The public key's id, 8 lowercase hex digits, carried in every payload this pair signs. */
  public String keyId() {
    return publicKey.keyId();
  }

  /** The public half, for a {@link QrVerifier}. */
  public QrPublicKey publicKey() {
    return publicKey;
  }

  /** The public key as a "PUBLIC KEY" PEM block, for publishing. */
  public String publicKeyPem() {
    return publicKey.pem();
  }

  /** A signature of the message by the private key. */
  byte[] sign(byte[] message, SecureRandom random) {
    return algorithm().sign(privateKey, message, random);
  }

  private String privateKeyPem() {
    return Pem.encode(Pem.PRIVATE_KEY, privateKey.getEncoded());
  }

  private static PrivateKey privateKey(byte[] der, QrPublicKey publicKey) {
    QrSignatureAlgorithm algorithm;
    try {
      algorithm =
          QrSignatureAlgorithm.ofKey(PrivateKeyInfo.getInstance(der).getPrivateKeyAlgorithm());
    } catch (IllegalArgumentException | IllegalStateException e) {
      // BouncyCastle's ASN.1 parser reports malformed input with either
      throw new QrKeyException("not a PKCS#8 PrivateKeyInfo", e);
    }
    if (algorithm != publicKey.algorithm()) {
      throw new QrKeyException(
          "a " + algorithm + " private key with a " + publicKey.algorithm() + " public key");
    }
    PrivateKey key;
    try {
      key = algorithm.keyFactory().generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (GeneralSecurityException e) {
      throw new QrKeyException("not a valid " + algorithm + " private key", e);
    }
    byte[] signature = algorithm.sign(key, PROBE, new SecureRandom());
    if (!algorithm.verify(publicKey.key(), PROBE, signature)) {
      throw new QrKeyException(
          "the private key does not belong to public key " + publicKey.keyId());
    }
    return key;
  }

  @Override
  public String toString() {
    return "QrKeys[" + algorithm() + " " + keyId() + "]";
  }
}
