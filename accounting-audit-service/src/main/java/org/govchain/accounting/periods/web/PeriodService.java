package org.govchain.accounting.periods.web;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.govchain.accounting.chart.Ledger;
import org.govchain.accounting.chart.UnitChart;
import org.govchain.accounting.findings.web.FindingService;
import org.govchain.accounting.periods.ClosingEntries;
import org.govchain.accounting.periods.ClosingVoucher;
import org.govchain.accounting.periods.TrialBalance;
import org.govchain.accounting.problems.AccountingProblem;
import org.govchain.accounting.security.Caller;
import org.govchain.accounting.units.web.SubAccount;
import org.govchain.accounting.units.web.Unit;
import org.govchain.accounting.units.web.UnitService;
import org.govchain.accounting.vouchers.Period;
import org.govchain.accounting.vouchers.web.Voucher;
import org.govchain.accounting.vouchers.web.VoucherRepository;
import org.govchain.accounting.vouchers.web.VoucherService;
import org.govchain.anchor.canonical.Jcs;
import org.govchain.anchor.spring.log.LogAppender;
import org.govchain.anchor.spring.log.LogReferences;
import org.govchain.anchor.web.problem.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Closes and reopens a unit's periods and computes its trial balances. Closing needs every voucher
 * of the period posted and every earlier period closed; it posts the closing entries (revenue and
 * expense into 3301 every month, and in December the budget accounts into their balance accounts),
 * computes the trial balance — financial and budget ledgers each balancing on its own — and logs
 * its digest. A closed period takes no voucher; only an auditor reopens it, with a reason, logged.
 */
@Service
public class PeriodService {

  private static final HexFormat HEX = HexFormat.of();

  private final BooksRepository books;
  private final VoucherRepository vouchers;
  private final VoucherService voucherService;
  private final UnitService units;
  private final ClosingEntries closingEntries;
  private final FindingService findings;
  private final LogAppender log;
  private final LogReferences references;
  private final TransactionalOperator tx;
  private final Clock clock;

  PeriodService(
      BooksRepository books,
      VoucherRepository vouchers,
      VoucherService voucherService,
      UnitService units,
      ClosingEntries closingEntries,
      FindingService findings,
      LogAppender log,
      LogReferences references,
      ReactiveTransactionManager transactions,
      Clock clock) {
    this.books = books;
    this.vouchers = vouchers;
    this.voucherService = voucherService;
    this.units = units;
    this.closingEntries = closingEntries;
    this.findings = findings;
    this.log = log;
    this.references = references;
    this.tx = TransactionalOperator.create(transactions);
    this.clock = clock;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  // ---- close

  /** Closes the period (a clerk of the unit); answers the closing entries and the trial balance. */
  Mono<Map<String, Object>> close(UUID unitId, String periodText, Caller caller) {
    Period period = Period.parse(periodText, "period");
    return units
        .ownUnit(unitId, caller)
        .flatMap(
            unit ->
                vouchers
                    // one change of the books at a time per unit: postings wait for the close
                    .lockChain(unitId)
                    .then(books.periods(unitId).collectList())
                    .flatMap(states -> requireClosable(unit, period, states))
                    .then(books.unposted(unitId, period))
                    .flatMap(
                        unposted ->
                            unposted == 0
                                ? Mono.<Void>empty()
                                : Mono.error(
                                    notClosable(
                                        period,
                                        unposted
                                            + " voucher(s) of the period are not posted yet: post"
                                            + " or discard them first")))
                    // the rules again over the whole period: some trip only on later vouchers
                    .then(findings.rescan(unit, period))
                    .flatMap(
                        raised ->
                            closeWithEntries(unit, period, caller)
                                .map(
                                    answer -> {
                                      answer.put("findings", raised);
                                      return answer;
                                    }))
                    .as(tx::transactional));
  }

  private Mono<Void> requireClosable(
      Unit unit, Period period, List<BooksRepository.PeriodState> states) {
    if (period.compareTo(unit.firstPeriod()) < 0) {
      return Mono.error(
          new ProblemException(
              AccountingProblem.INVALID_PERIOD,
              "the unit's books here begin in " + unit.firstPeriod() + ", not " + period,
              Map.of("field", "period", "period", period.toString())));
    }
    Map<Period, BooksRepository.PeriodState> byPeriod = new LinkedHashMap<>();
    states.forEach(s -> byPeriod.put(s.period(), s));
    BooksRepository.PeriodState state = byPeriod.get(period);
    if (state != null && state.closed()) {
      return Mono.error(
          new ProblemException(
              AccountingProblem.PERIOD_CLOSED,
              "the period " + period + " is already closed",
              Map.of("period", period.toString())));
    }
    for (Period p = unit.firstPeriod(); p.compareTo(period) < 0; p = p.next()) {
      BooksRepository.PeriodState earlier = byPeriod.get(p);
      if (earlier == null || !earlier.closed()) {
        return Mono.error(
            notClosable(
                period, "the earlier period " + p + " is not closed: periods close in order"));
      }
    }
    return Mono.empty();
  }

  private Mono<Map<String, Object>> closeWithEntries(Unit unit, Period period, Caller caller) {
    return Mono.zip(
            units.chartOf(unit.id()),
            units.subAccounts(unit.id()),
            books.balancesBefore(unit.id(), period),
            books.postedLines(unit.id(), period))
        .flatMap(
            t -> {
              UnitChart chart = t.getT1();
              Map<String, String> clearsTo = new LinkedHashMap<>();
              for (SubAccount sub : t.getT2()) {
                if (sub.clearsTo() != null) {
                  clearsTo.put(sub.code(), sub.clearsTo());
                }
              }
              Map<String, BigDecimal> opening = t.getT3();
              TrialBalance before =
                  TrialBalance.compute(period.yearMonth(), chart, opening, t.getT4());
              List<ClosingVoucher> entries =
                  closingEntries.close(
                      chart,
                      before.closingBalances(),
                      period.isYearEnd(),
                      code -> Optional.ofNullable(clearsTo.get(code)));
              return Flux.fromIterable(entries)
                  .concatMap(
                      entry ->
                          voucherService.postClosingEntry(
                              unit, period, entry.summary(), entry.lines(), caller.subject()))
                  .collectList()
                  .flatMap(
                      posted ->
                          books
                              .postedLines(unit.id(), period)
                              .map(
                                  lines ->
                                      TrialBalance.compute(
                                          period.yearMonth(), chart, opening, lines))
                              .flatMap(
                                  trialBalance ->
                                      recordClose(unit, period, caller, posted, trialBalance)));
            });
  }

  private Mono<Map<String, Object>> recordClose(
      Unit unit, Period period, Caller caller, List<Voucher> entries, TrialBalance trialBalance) {
    for (Ledger ledger : Ledger.values()) {
      if (!trialBalance.balanced(ledger)) {
        // the posted books are balanced voucher by voucher, so this means a defect or tampering
        return Mono.error(
            notClosable(
                period,
                "the "
                    + ledger.name().toLowerCase(Locale.ROOT)
                    + " ledger's trial"
                    + " balance does not balance: run the integrity report"));
      }
    }
    Map<String, Object> report = TrialBalanceViews.of(trialBalance, 0, Integer.MAX_VALUE);
    byte[] digest = sha256(Jcs.serialize(TrialBalanceViews.digestContent(trialBalance)));
    Instant now = now();
    return books
        .periods(unit.id())
        .filter(s -> s.period().equals(period))
        .next()
        .map(BooksRepository.PeriodState::version)
        .defaultIfEmpty(0L)
        .flatMap(
            version -> {
              BooksRepository.PeriodState closed =
                  new BooksRepository.PeriodState(
                      period, "CLOSED", caller.subject(), now, version + 1, digest, null);
              Map<String, Object> data = new LinkedHashMap<>();
              data.put("unitId", unit.id().toString());
              data.put("unit", unit.creditCode());
              data.put("period", period.toString());
              data.put("periodStatus", "CLOSED");
              data.put("closedBy", caller.subject());
              data.put("closingEntries", entries.stream().map(v -> v.id().toString()).toList());
              data.put("trialBalanceDigest", HEX.formatHex(digest));
              data.put("totals", report.get("totals"));
              // the log's copy names the clerk by a keyed reference: every bundle is public
              Map<String, Object> logged = new LinkedHashMap<>(data);
              logged.put("closedBy", references.staff(caller.subject()));
              return books
                  .save(unit.id(), closed)
                  .then(
                      log.append(
                          "accounting.period.closed",
                          periodSubject(unit, period),
                          closed.version(),
                          now,
                          logged))
                  .thenReturn(withReport(data, report));
            });
  }

  private static Map<String, Object> withReport(
      Map<String, Object> data, Map<String, Object> report) {
    Map<String, Object> answer = new LinkedHashMap<>(data);
    answer.put("trialBalance", report);
    return answer;
  }

  static String periodSubject(Unit unit, Period period) {
    return unit.id() + "/periods/" + period;
  }

  // ---- reopen

  /** Reopens the unit's latest closed period (an auditor, with a reason); logged. */
  Mono<Map<String, Object>> reopen(UUID unitId, String periodText, String reason, Caller caller) {
    Period period = Period.parse(periodText, "period");
    if (reason == null || reason.isBlank()) {
      return Mono.error(
          ProblemException.invalidField("reason", "reopening a closed period needs a reason"));
    }
    return units
        .readable(unitId, caller)
        .flatMap(
            unit ->
                vouchers
                    .lockChain(unitId)
                    .then(books.periods(unitId).collectList())
                    .flatMap(
                        states -> {
                          BooksRepository.PeriodState state =
                              states.stream()
                                  .filter(s -> s.period().equals(period))
                                  .findFirst()
                                  .orElse(null);
                          if (state == null || !state.closed()) {
                            return Mono.error(
                                new ProblemException(
                                    AccountingProblem.PERIOD_NOT_CLOSABLE,
                                    "the period " + period + " is not closed",
                                    Map.of("period", period.toString())));
                          }
                          Optional<BooksRepository.PeriodState> later =
                              states.stream()
                                  .filter(s -> s.closed() && s.period().compareTo(period) > 0)
                                  .findFirst();
                          if (later.isPresent()) {
                            return Mono.error(
                                new ProblemException(
                                    AccountingProblem.PERIOD_NOT_CLOSABLE,
                                    "the later period "
                                        + later.get().period()
                                        + " is closed: reopen periods from the latest back",
                                    Map.of("period", period.toString())));
                          }
                          Instant now = now();
                          BooksRepository.PeriodState reopened =
                              new BooksRepository.PeriodState(
                                  period,
                                  "OPEN",
                                  caller.subject(),
                                  now,
                                  state.version() + 1,
                                  null,
                                  reason.strip());
                          Map<String, Object> data = new LinkedHashMap<>();
                          data.put("unitId", unit.id().toString());
                          data.put("unit", unit.creditCode());
                          data.put("period", period.toString());
                          data.put("periodStatus", "OPEN");
                          data.put("reopenedBy", caller.subject());
                          data.put("reason", reason.strip());
                          data.put(
                              "previousTrialBalanceDigest",
                              HEX.formatHex(state.trialBalanceDigest()));
                          // the log's copy: the auditor and their typed reason as keyed
                          // references (every bundle is public); the answer and the period's
                          // state keep them in clear
                          Map<String, Object> logged = new LinkedHashMap<>(data);
                          logged.put("reopenedBy", references.staff(caller.subject()));
                          logged.put("reason", references.reason(reason.strip()));
                          return books
                              .save(unitId, reopened)
                              .then(
                                  log.append(
                                      "accounting.period.reopened",
                                      periodSubject(unit, period),
                                      reopened.version(),
                                      now,
                                      logged))
                              .thenReturn(data);
                        })
                    .as(tx::transactional));
  }

  // ---- reads

  /** The unit's periods from its first to the current one, with their states. */
  Mono<List<Map<String, Object>>> periods(UUID unitId, Caller caller) {
    return units
        .readable(unitId, caller)
        .flatMap(
            unit ->
                books
                    .periods(unitId)
                    .collectList()
                    .map(
                        states -> {
                          List<Map<String, Object>> list = new ArrayList<>();
                          for (BooksRepository.PeriodState s : states) {
                            Map<String, Object> view = new LinkedHashMap<>();
                            view.put("period", s.period().toString());
                            view.put("periodStatus", s.status());
                            view.put("changedBy", s.changedBy());
                            view.put("changedAt", s.changedAt().toString());
                            view.put(
                                "trialBalanceDigest",
                                s.trialBalanceDigest() == null
                                    ? null
                                    : HEX.formatHex(s.trialBalanceDigest()));
                            view.put("reason", s.reason());
                            list.add(view);
                          }
                          return list;
                        }));
  }

  /** The period's trial balance from the posted books. */
  Mono<TrialBalance> trialBalance(UUID unitId, String periodText, Caller caller) {
    Period period = Period.parse(periodText, "period");
    return units
        .readable(unitId, caller)
        .flatMap(
            unit ->
                Mono.zip(
                        units.chartOf(unitId),
                        books.balancesBefore(unitId, period),
                        books.postedLines(unitId, period))
                    .map(
                        t ->
                            TrialBalance.compute(
                                period.yearMonth(), t.getT1(), t.getT2(), t.getT3())));
  }

  /**
   * The general ledger (总账/明细账) of an account — and the accounts beneath it — from {@code from} to
   * {@code to}: the opening balance, each posted line with the running balance on the account's
   * normal side, the turnover and the closing balance.
   */
  Mono<Map<String, Object>> ledger(
      UUID unitId, String account, String fromText, String toText, Caller caller) {
    Period from = Period.parse(fromText, "from");
    Period to = toText == null || toText.isBlank() ? from : Period.parse(toText, "to");
    if (to.compareTo(from) < 0) {
      return Mono.error(ProblemException.invalidField("to", "must not be before from"));
    }
    String code = account == null ? "" : account.strip();
    return units
        .readable(unitId, caller)
        .flatMap(unit -> units.chartOf(unitId))
        .flatMap(
            chart -> {
              var found = chart.require(code, "account");
              return books
                  .balanceBefore(unitId, code, from)
                  .zipWith(books.ledger(unitId, code, from, to).collectList())
                  .map(t -> LedgerView.of(found, from, to, t.getT1(), t.getT2()));
            });
  }

  private static ProblemException notClosable(Period period, String why) {
    return new ProblemException(
        AccountingProblem.PERIOD_NOT_CLOSABLE,
        "the period " + period + " cannot be closed: " + why,
        Map.of("period", period.toString()));
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }
}
