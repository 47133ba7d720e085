package org.govchain.accounting.vouchers.web;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.govchain.accounting.vouchers.AttachmentKind;

/**
 * A supporting document of a voucher: its kind, for an invoice its number, and the SHA-256 of the
 * file (the file itself stays with the unit; the hash proves which file it was).
 *
 * @param kind the kind of document
 * @param invoiceCode a legacy invoice's code, or null
 * @param invoiceNumber the invoice's number (20 digits for a 数电 invoice), or null
 * @param invoiceKey one string per invoice ({@code InvoiceNumber.canonical()}), or null
 * @param sha256 the file's SHA-256
 */
public record Attachment(
    AttachmentKind kind,
    String invoiceCode,
    String invoiceNumber,
    String invoiceKey,
    byte[] sha256) {

  Map<String, Object> toData() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("kind", kind.name());
    data.put("invoiceCode", invoiceCode);
    data.put("invoiceNumber", invoiceNumber);
    data.put("sha256", HexFormat.of().formatHex(sha256));
    return data;
  }
}
