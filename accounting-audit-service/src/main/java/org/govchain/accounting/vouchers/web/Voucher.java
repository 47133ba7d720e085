package org.govchain.accounting.vouchers.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.govchain.accounting.vouchers.Amount;
import org.govchain.accounting.vouchers.Period;
import org.govchain.accounting.vouchers.VoucherKind;
import org.govchain.accounting.vouchers.VoucherLine;
import org.govchain.accounting.vouchers.VoucherStatus;
import org.govchain.anchor.spring.log.LogReferences;

/**
 * A voucher (记账凭证) as stored. Posting gives it its number in the period, its place in the unit's
 * hash chain and its hash; from then on the database refuses any change to it.
 */
public record Voucher(
    UUID id,
    UUID unitId,
    Period period,
    VoucherKind kind,
    VoucherStatus status,
    LocalDate date,
    String summary,
    Counterparty counterparty,
    UUID reverses,
    String preparer,
    Instant preparedAt,
    String reviewer,
    Instant reviewedAt,
    Integer number,
    String postedBy,
    Instant postedAt,
    Long chainIndex,
    byte[] previousHash,
    byte[] hash,
    long version,
    List<VoucherLine> lines,
    List<Attachment> attachments) {

  private static final HexFormat HEX = HexFormat.of();

  /** A new draft (version 1): nothing reviewed or posted yet. */
  static Voucher draft(
      UUID unitId,
      Period period,
      VoucherKind kind,
      LocalDate date,
      String summary,
      Counterparty counterparty,
      UUID reverses,
      String preparer,
      Instant preparedAt,
      List<VoucherLine> lines,
      List<Attachment> attachments) {
    return new Voucher(
        UUID.randomUUID(),
        unitId,
        period,
        kind,
        VoucherStatus.DRAFT,
        date,
        summary,
        counterparty,
        reverses,
        preparer,
        preparedAt,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        1,
        lines,
        attachments);
  }

  public boolean posted() {
    return status == VoucherStatus.POSTED;
  }

  Voucher reviewed(String by, Instant at) {
    return new Voucher(
        id,
        unitId,
        period,
        kind,
        VoucherStatus.REVIEWED,
        date,
        summary,
        counterparty,
        reverses,
        preparer,
        preparedAt,
        by,
        at,
        null,
        null,
        null,
        null,
        null,
        null,
        version + 1,
        lines,
        attachments);
  }

  Voucher posted(
      int number, String by, Instant at, long chainIndex, byte[] previousHash, byte[] hash) {
    return new Voucher(
        id,
        unitId,
        period,
        kind,
        VoucherStatus.POSTED,
        date,
        summary,
        counterparty,
        reverses,
        preparer,
        preparedAt,
        reviewer,
        reviewedAt,
        number,
        by,
        at,
        chainIndex,
        previousHash,
        hash,
        version + 1,
        lines,
        attachments);
  }

  /**
   * What the hash chain covers: the voucher's business content and its place in the books, as
   * posted (everything but the hash itself). Its RFC 8785 canonical form is hashed. The posting
   * event carries it, so the clerks who prepared, reviewed and posted are named by their keyed
   * references: a clear name here would both sit in a public bundle and, being one of few, be
   * recoverable from the hash next to it.
   */
  public Map<String, Object> chainContent(String unitCreditCode, LogReferences references) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("id", id.toString());
    data.put("unit", unitCreditCode);
    data.put("period", period.toString());
    data.put("number", number);
    data.put("kind", kind.name());
    data.put("date", date.toString());
    data.put("summary", summary);
    data.put("counterparty", counterparty == null ? null : counterparty.toData());
    data.put("reverses", reverses == null ? null : reverses.toString());
    data.put("lines", lines.stream().map(Voucher::line).toList());
    data.put("attachmentCount", attachments.size());
    data.put("attachments", attachments.stream().map(Attachment::toData).toList());
    data.put("preparer", references.staff(preparer));
    data.put("reviewer", references.staff(reviewer));
    data.put("postedBy", references.staff(postedBy));
    data.put("postedAt", postedAt == null ? null : postedAt.toString());
    data.put("chainIndex", chainIndex);
    data.put("previousHash", previousHash == null ? null : HEX.formatHex(previousHash));
    return data;
  }

  /** A line as answers, log events and the hash chain show it. */
  static Map<String, Object> line(VoucherLine line) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("account", line.account());
    data.put("side", line.side().name());
    data.put("amount", Amount.format(line.amount()));
    data.put("memo", line.memo());
    return data;
  }

  /**
   * The voucher as log events show it: {@link #toData} with the clerks as keyed references (every
   * bundle is public; the summary, the lines and a payee's reference are the accounting record
   * auditors must read, and name no individual).
   */
  Map<String, Object> toLogData(String unitCreditCode, LogReferences references) {
    Map<String, Object> data = toData(unitCreditCode, null);
    data.put("preparer", references.staff(preparer));
    data.put("reviewer", references.staff(reviewer));
    data.put("postedBy", references.staff(postedBy));
    return data;
  }

  /** The voucher as answers show it. */
  Map<String, Object> toData(String unitCreditCode, UUID reversedBy) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("id", id.toString());
    data.put("unitId", unitId.toString());
    data.put("unit", unitCreditCode);
    data.put("period", period.toString());
    data.put("number", number);
    data.put("kind", kind.name());
    data.put("voucherStatus", status.name());
    data.put("date", date.toString());
    data.put("summary", summary);
    data.put("counterparty", counterparty == null ? null : counterparty.toData());
    data.put("reverses", reverses == null ? null : reverses.toString());
    data.put("reversedBy", reversedBy == null ? null : reversedBy.toString());
    data.put("lines", lines.stream().map(Voucher::line).toList());
    data.put("attachmentCount", attachments.size());
    data.put("attachments", attachments.stream().map(Attachment::toData).toList());
    data.put("preparer", preparer);
    data.put("preparedAt", preparedAt.toString());
    data.put("reviewer", reviewer);
    data.put("reviewedAt", reviewedAt == null ? null : reviewedAt.toString());
    data.put("postedBy", postedBy);
    data.put("postedAt", postedAt == null ? null : postedAt.toString());
    data.put("chainIndex", chainIndex);
    data.put("previousHash", previousHash == null ? null : HEX.formatHex(previousHash));
    data.put("hash", hash == null ? null : HEX.formatHex(hash));
    data.put("version", version);
    return data;
  }
}
