package org.govchain.seal.sealing;

import java.time.Instant;

/**
 * Seals documents that are not PDFs by their hash: a detached CMS SignedData (CAdES-style signed
 * attributes, with signing-time) whose message digest is the document hash. ECDSA seals sign
 * SHA-256 hashes with ecdsa-with-SHA256; SM2 seals sign SM3 hashes with SM2-with-SM3 (GM/T 0009,
 * default user ID "1234567812345678").
 */
public final class HashSigner {
  /**
   * The detached CMS signature (DER) over {@code hash}.
   *
   * @throws HashAlgorithmMismatchException if the hash is not in the seal's digest algorithm
   */
  public byte[] sign(DocumentHash hash, SigningKey key, Instant signingTime) {
    if (hash.algorithm() != key.algorithm()) {
      throw new HashAlgorithmMismatchException(
          key.algorithm().digestName(), hash.algorithm().digestName());
    }
    return CmsSigner.signDigest(key, hash.value(), signingTime);
  }
}
