package org.govchain.seal.verification;

import java.util.Optional;
import org.govchain.seal.ca.CertificateChainValidator;
import org.govchain.seal.sealing.DocumentHash;

/**
 * Verifies a detached CMS signature made by {@link org.govchain.seal.sealing.HashSigner}, over a
 * document's bytes or over its hash.
 */
public final class DetachedSignatureVerifier {
  private final CmsVerification cms;

  public DetachedSignatureVerifier(CertificateChainValidator validator, SealDirectory directory) {
    this.cms = new CmsVerification(validator, directory);
  }

  /** The verdict on {@code signature} (DER CMS) for the document {@code document}. */
  public SignatureReport verify(byte[] document, byte[] signature) {
    return cms.verify(signature, oid -> CmsVerification.digestIn(oid, document), null, null);
  }

  /**
   * The verdict on {@code signature} for a document known by its hash; a hash in another digest
   * than the signature's fails MESSAGE_DIGEST.
   */
  public SignatureReport verify(DocumentHash hash, byte[] signature) {
    return cms.verify(
        signature,
        oid ->
            hash.algorithm().digestOid().equals(oid) ? Optional.of(hash.value()) : Optional.empty(),
        null,
        null);
  }
}
