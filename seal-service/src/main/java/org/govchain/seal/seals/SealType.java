package org.govchain.seal.seals;

/** The kinds of seal an organisation or person may hold, with their Chinese names. */
public enum SealType {
  OFFICIAL("公章"),
  CONTRACT("合同专用章"),
  FINANCE("财务专用章"),
  INVOICE("发票专用章"),
  LEGAL_REPRESENTATIVE("法定代表人名章"),
  PERSONAL("个人名章");

  private final String chineseName;

  SealType(String chineseName) {
    this.chineseName = chineseName;
  }

  /** The name printed on and used for this kind of seal, e.g. 公章. */
  public String chineseName() {
    return chineseName;
  }
}
