package org.govchain.ssc.cards;

import java.util.Arrays;

/**
 * A card's status as MOHRSS card systems code it. The electronic card always has its physical
 * card's status (one to one) and is usable only while it is {@link #NORMAL}.
 */
public enum CardStatus {
  /** 封存: made, not yet collected and activated. */
  SEALED(0, "封存"),
  /** 正常: in use. */
  NORMAL(1, "正常"),
  /** 正式挂失: lost, reported at a counter; only a replacement (补卡) follows. */
  FORMAL_LOSS(2, "正式挂失"),
  /** 应用锁定: locked by the administration, with a reason. */
  APPLICATION_LOCKED(3, "应用锁定"),
  /** 临时挂失: reported lost online; lifted (解挂) or, after a while, formal. */
  TEMPORARY_LOSS(4, "临时挂失"),
  /** 注销: cancelled for good (death, moved away, exchanged); the number is never reused. */
  CANCELLED(9, "注销");

  private final int code;
  private final String label;

  CardStatus(int code, String label) {
    this.code = code;
    this.label = label;
  }

  /** The status code of the existing systems (0, 1, 2, 3, 4, 9). */
  public int code() {
    return code;
  }

  /** The Chinese name, e.g. 正常. */
  public String label() {
    return label;
  }

  /** Whether the card (and its electronic card) can be used, e.g. for a QR code. */
  public boolean usable() {
    return this == NORMAL;
  }

  /** The status with this code. */
  public static CardStatus ofCode(int code) {
    return Arrays.stream(values())
        .filter(s -> s.code == code)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no card status " + code));
  }
}
