package org.govchain.portal.certificate;

/**
 * What an evidence certificate states: a record's place in its append-only log and the anchor of
 * the log's checkpoint on chain, as the portal verified them when it issued the certificate. Every
 * value is printed on the certificate exactly as given, so the values are text in the forms the
 * proof bundle and the verifier show them.
 *
 * @param certificateNumber the certificate's number, e.g. {@code GC-3F2A9C0B7D1E4A55}
 * @param recordType the event envelope's {@code type}, e.g. {@code seal.sealing.created}
 * @param recordId the event envelope's {@code subject}
 * @param recordVersion the event envelope's {@code version}
 * @param recordTime the event envelope's {@code time}, RFC 3339 with milliseconds
 * @param leafHash the RFC 9162 leaf hash of the canonical envelope, 64 lowercase hex digits
 * @param leafIndex the record's index in the log
 * @param logOrigin the log's origin
 * @param treeSize the size of the anchored checkpoint
 * @param rootHash the anchored checkpoint's root hash, 64 hex digits
 * @param chainId the chain the checkpoint is anchored on
 * @param registryAddress the AnchorRegistry contract, {@code 0x} and 40 hex digits
 * @param logId the log's id on chain, {@code 0x} and 64 hex digits
 * @param transactionHash the anchoring transaction, {@code 0x} and 64 hex digits
 * @param blockNumber the anchoring block
 * @param blockTime the anchoring block's time, RFC 3339
 * @param confirmations how deep the anchoring block was when the certificate was issued
 * @param issuedAt when the certificate was issued, RFC 3339
 * @param verificationUrl the portal page that verifies the record again; also the QR code's text
 * @param rpcUrl the chain RPC the portal verified against, shown for transparency
 */
public record CertificateContent(
    String certificateNumber,
    String recordType,
    String recordId,
    long recordVersion,
    String recordTime,
    String leafHash,
    long leafIndex,
    String logOrigin,
    long treeSize,
    String rootHash,
    long chainId,
    String registryAddress,
    String logId,
    String transactionHash,
    long blockNumber,
    String blockTime,
    long confirmations,
    String issuedAt,
    String verificationUrl,
    String rpcUrl) {

  /**
   * Checks that every text value is there: a certificate never prints an empty field.
   *
   * @throws IllegalArgumentException when a text value is null or blank
   */
  public CertificateContent {
    requireText("certificateNumber", certificateNumber);
    requireText("recordType", recordType);
    requireText("recordId", recordId);
    requireText("recordTime", recordTime);
    requireText("leafHash", leafHash);
    requireText("logOrigin", logOrigin);
    requireText("rootHash", rootHash);
    requireText("registryAddress", registryAddress);
    requireText("logId", logId);
    requireText("transactionHash", transactionHash);
    requireText("blockTime", blockTime);
    requireText("issuedAt", issuedAt);
    requireText("verificationUrl", verificationUrl);
    requireText("rpcUrl", rpcUrl);
  }

  private static void requireText(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be null or blank");
    }
  }
}
