package org.govchain.seal.verification;

/** The named checks a signature goes through, in order. */
public enum Check {
  /** The signature is a parseable CMS SignedData with one signer and its certificate. */
  CMS_STRUCTURE,
  /** (PDF) The byte range covers the whole file except the signature, or a later signature does. */
  BYTE_RANGE,
  /** The message-digest attribute equals the digest of the document. */
  MESSAGE_DIGEST,
  /** The signature value verifies with the signer certificate's key. */
  SIGNATURE_VALUE,
  /** A signing time is present (CMS signing-time or the PDF's /M). */
  SIGNING_TIME,
  /** The signer certificate chains to the seal CA root at the signing time. */
  CERTIFICATE_CHAIN,
  /** The certificate belongs to a known seal. */
  SEAL_KNOWN,
  /** The seal was ACTIVE at the signing time. */
  SEAL_STATUS_AT_SIGNING
}
