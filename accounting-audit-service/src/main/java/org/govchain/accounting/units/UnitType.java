package org.govchain.accounting.units;

/**
 * The kinds of unit the Government Accounting System (财会〔2017〕25号) applies to: administrative units
 * (行政单位: organs of government) and public institutions (事业单位: schools, hospitals, research
 * institutes funded by the budget).
 */
public enum UnitType {
  /** 行政单位. */
  ADMINISTRATIVE,
  /** 事业单位. */
  PUBLIC_INSTITUTION
}
