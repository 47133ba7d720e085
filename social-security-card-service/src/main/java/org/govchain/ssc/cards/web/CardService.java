package org.govchain.ssc.cards.web;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.govchain.anchor.spring.idempotency.Idempotency;
import org.govchain.anchor.spring.idempotency.IdempotentRequest;
import org.govchain.anchor.spring.idempotency.StoredResponse;
import org.govchain.anchor.spring.log.LogAppender;
import org.govchain.anchor.spring.log.LogProperties;
import org.govchain.anchor.spring.log.LogReferences;
import org.govchain.anchor.web.paging.Page;
import org.govchain.anchor.web.problem.ProblemException;
import org.govchain.anchor.web.region.RegionCode;
import org.govchain.anchor.web.security.Role;
import org.govchain.ssc.cards.CardAction;
import org.govchain.ssc.cards.CardLifecycle;
import org.govchain.ssc.cards.CardStatus;
import org.govchain.ssc.citizen.CardIdentificationCode;
import org.govchain.ssc.citizen.CardNumber;
import org.govchain.ssc.citizen.CitizenId;
import org.govchain.ssc.config.SscProperties;
import org.govchain.ssc.problems.SscProblem;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issues cards and changes them. Every change writes the card, its event row and its log event in
 * one transaction, under the card's row lock, so concurrent changes of one card end in one
 * consistent state. Personal data goes in and out only through {@link CardPrivacy}.
 */
@Service
public class CardService {

  /** Dates on cards are those of the issuing office. */
  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  static final String ISSUE_OPERATION = "ssc.card.issue";

  /** The purposes of a card's identifiers in log envelopes (LogReferences). */
  static final String CARD_NUMBER = "card-number";

  static final String IDENTIFICATION_CODE = "card-identification-code";

  private static final String SYSTEM = "system";
  private static final int ACTIVATION_CODE_DIGITS = 8;

  private final CardRepository cards;
  private final CardPrivacy privacy;
  private final LogAppender log;
  private final LogReferences references;
  private final String logOrigin;
  private final TransactionalOperator tx;
  private final Idempotency idempotency;
  private final SscProperties properties;
  private final SecureRandom random;
  private final Clock clock;
  private final JsonMapper json;

  CardService(
      CardRepository cards,
      CardPrivacy privacy,
      LogAppender log,
      LogReferences references,
      LogProperties logProperties,
      ReactiveTransactionManager transactions,
      Idempotency idempotency,
      SscProperties properties,
      SecureRandom random,
      Clock clock,
      JsonMapper json) {
    this.cards = cards;
    this.privacy = privacy;
    this.log = log;
    this.references = references;
    this.logOrigin = logProperties.origin();
    this.tx = TransactionalOperator.create(transactions);
    this.idempotency = idempotency;
    this.properties = properties;
    this.random = random;
    this.clock = clock;
    this.json = json;
  }

  /** Now, in the precision the log keeps (milliseconds). */
  Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  // ---- issue

  /**
   * Issues a SEALED card (201 with its masked view), or replays the first answer to {@code
   * caller}'s {@code idempotencyKey}. 409 {@code card-in-force} if the person has one.
   */
  Mono<StoredResponse> issue(CardRequests.Issue request, Actor caller, String idempotencyKey) {
    CitizenId citizen = CitizenId.parse(request.idNumber(), clock);
    RegionCode region = RegionCode.parse(request.issuingRegion(), "issuingRegion");
    String name = validName(request.name());
    String phone = validPhone(request.phone());
    String bankAccount = validBankAccount(request.bankName(), request.bankAccount());
    byte[] searchHash = privacy.searchHash(citizen.value());
    Map<String, Object> fingerprint = new LinkedHashMap<>();
    // the keyed hash stands for the personal data: the idempotency table keeps no clear value
    fingerprint.put("person", privacy.personHash(citizen.value()));
    fingerprint.put("details", privacy.personHash(name + "\n" + phone + "\n" + bankAccount));
    fingerprint.put("issuingRegion", region.value());
    fingerprint.put("bankName", request.bankName() == null ? "" : request.bankName().strip());
    IdempotentRequest once =
        new IdempotentRequest(caller.subject(), idempotencyKey, ISSUE_OPERATION, fingerprint);
    return idempotency.once(
        once,
        Mono.defer(
            () ->
                refuseSecondCard(searchHash)
                    .then(
                        newCard(
                            citizen.value(),
                            name,
                            phone,
                            blankToNull(request.bankName()),
                            bankAccount,
                            searchHash,
                            region,
                            null))
                    .flatMap(
                        card ->
                            cards
                                .insert(card)
                                .then(
                                    record(card, "ssc.card.issued", caller, null, citizen.value()))
                                .thenReturn(card))
                    .as(tx::transactional)
                    .onErrorMap(CardService::isSecondCard, e -> cardInForce(null))
                    .map(
                        card ->
                            new StoredResponse(
                                HttpStatus.CREATED.value(),
                                "/api/ssc/cards/" + card.id(),
                                json.writeValueAsString(privacy.view(card))))));
  }

  private Mono<Void> refuseSecondCard(byte[] searchHash) {
    return cards
        .findByIdNumberHash(searchHash)
        .filter(c -> c.status() != CardStatus.CANCELLED && !c.replaced())
        .next()
        .flatMap(existing -> Mono.<Void>error(cardInForce(existing.id())));
  }

  /** A new SEALED card; its personal data encrypted under its own id. */
  private Mono<Card> newCard(
      String idNumber,
      String name,
      String phone,
      String bankName,
      String bankAccount,
      byte[] searchHash,
      RegionCode region,
      UUID replaces) {
    return cards
        .nextSerial()
        .map(
            serial -> {
              UUID id = UUID.randomUUID();
              Instant now = now();
              LocalDate issued = LocalDate.ofInstant(now, CHINA);
              return new Card(
                  id,
                  CardNumber.of(properties.cards().series().charAt(0), serial).value(),
                  CardIdentificationCode.generate(region, random).value(),
                  properties.cards().specVersion(),
                  region.value(),
                  CardStatus.SEALED,
                  issued,
                  issued.plus(properties.cards().validity()).minusDays(1),
                  searchHash,
                  privacy.encrypt(id, Card.Field.ID_NUMBER, idNumber),
                  privacy.encrypt(id, Card.Field.NAME, name),
                  privacy.encrypt(id, Card.Field.PHONE, phone),
                  bankName,
                  privacy.encrypt(id, Card.Field.BANK_ACCOUNT, bankAccount),
                  null,
                  replaces,
                  null,
                  null,
                  now,
                  1,
                  now,
                  now);
            });
  }

  // ---- activation

  /**
   * A fresh one-time activation code for a SEALED card (any earlier code is void): the clerk hands
   * it over with the card. Only its keyed hash is stored.
   */
  Mono<ActivationCode> activationCode(UUID id, Actor clerk) {
    return cards
        .lock(id)
        .switchIfEmpty(Mono.error(() -> unknownCard(id)))
        .flatMap(
            card -> {
              if (card.status() != CardStatus.SEALED || card.replaced()) {
                return Mono.error(
                    new org.govchain.ssc.cards.IllegalCardTransitionException(
                        card.status(), card.replaced(), CardAction.ACTIVATE));
              }
              String code = newActivationCode();
              Instant expires = now().plus(properties.cards().activationCodeValidity());
              return cards
                  .putActivation(id, privacy.activationHash(id, code), expires)
                  .thenReturn(new ActivationCode(id, code, expires));
            })
        .as(tx::transactional);
  }

  /** The code handed over with a card, and until when it works. */
  record ActivationCode(UUID cardId, String activationCode, Instant expiresAt) {

    @Override
    public String toString() {
      return "ActivationCode[" + cardId + "]";
    }
  }

  /**
   * The holder binds a SEALED card to their account with its activation code: NORMAL. A wrong code
   * counts against the code (and is committed as such); after too many the code is void.
   */
  Mono<CardView> activate(UUID id, String code, Actor holder) {
    Mono<Object> attempt =
        cards
            .lock(id)
            .switchIfEmpty(Mono.error(() -> unknownCard(id)))
            .flatMap(
                card ->
                    cards
                        .activation(id)
                        .map(java.util.Optional::of)
                        .defaultIfEmpty(java.util.Optional.empty())
                        .flatMap(
                            stored -> {
                              // the status first: an active card is not a code problem
                              CardLifecycle.apply(
                                  card.status(), card.replaced(), CardAction.ACTIVATE, null);
                              Instant now = now();
                              if (stored.isEmpty()
                                  || stored.get().usedAt() != null
                                  || !now.isBefore(stored.get().expiresAt())
                                  || stored.get().failures()
                                      >= properties.cards().activationAttempts()) {
                                return Mono.just(invalidActivation("no usable activation code"));
                              }
                              if (!MessageDigest.isEqual(
                                  stored.get().codeHash(),
                                  privacy.activationHash(id, code.strip()))) {
                                return cards
                                    .activationFailed(id)
                                    .thenReturn(invalidActivation("wrong activation code"));
                              }
                              Card active =
                                  card.withLinks(holder.subject(), card.replacedBy())
                                      .withStatus(CardStatus.NORMAL, null, now)
                                      .next(now);
                              return cards
                                  .update(active)
                                  .then(cards.activationUsed(id, now))
                                  .then(record(active, "ssc.card.activated", holder, null, null))
                                  .thenReturn((Object) active);
                            }))
            .as(tx::transactional);
    return attempt.flatMap(
        result ->
            result instanceof ProblemException refused
                ? Mono.error(refused)
                : Mono.just(privacy.view((Card) result)));
  }

  // ---- status changes

  /**
   * Applies a status change; a holder may only report or lift a temporary loss of their own card
   * (another's is an unknown card to them).
   */
  Mono<CardView> transition(UUID id, CardAction action, String reason, Actor actor) {
    return cards
        .lock(id)
        .filter(card -> visibleTo(card, actor))
        .switchIfEmpty(Mono.error(() -> unknownCard(id)))
        .flatMap(this::formaliseIfDue)
        .flatMap(
            card -> {
              Instant now = now();
              CardStatus next = CardLifecycle.apply(card.status(), card.replaced(), action, reason);
              Card changed = card.withStatus(next, blankToNull(reason), now).next(now);
              return cards
                  .update(changed)
                  .then(record(changed, eventType(action), actor, reason, null))
                  .thenReturn(changed);
            })
        .as(tx::transactional)
        .map(privacy::view);
  }

  /**
   * 补卡 or 换卡: a new SEALED card with the same holder data and a new number, linked both ways. A
   * replaced card stays FORMAL_LOSS for ever; an exchanged one is cancelled.
   */
  Mono<CardView> successor(
      UUID id, CardAction action, CardRequests.ExchangeKind kind, String reason, Actor clerk) {
    return cards
        .lock(id)
        .switchIfEmpty(Mono.error(() -> unknownCard(id)))
        .flatMap(this::formaliseIfDue)
        .flatMap(
            old -> {
              CardStatus next = CardLifecycle.apply(old.status(), old.replaced(), action, reason);
              String why =
                  action == CardAction.EXCHANGE
                      ? "exchange:" + kind + (isBlank(reason) ? "" : ": " + reason.strip())
                      : blankToNull(reason);
              String idNumber = privacy.decrypt(old, Card.Field.ID_NUMBER);
              return newCard(
                      idNumber,
                      privacy.decrypt(old, Card.Field.NAME),
                      privacy.decrypt(old, Card.Field.PHONE),
                      old.bankName(),
                      privacy.decrypt(old, Card.Field.BANK_ACCOUNT),
                      old.idNumberHash(),
                      RegionCode.parse(old.issuingRegion(), "issuingRegion"),
                      old.id())
                  .flatMap(
                      fresh -> {
                        Instant now = fresh.createdAt();
                        Card closed = old.withLinks(old.holderSubject(), fresh.id());
                        if (next != old.status()) {
                          closed = closed.withStatus(next, why, now);
                        }
                        closed = closed.next(now);
                        String type =
                            action == CardAction.REPLACE
                                ? "ssc.card.replaced"
                                : "ssc.card.exchanged";
                        // the old card leaves "in force" (its link to the successor is checked at
                        // commit: card_replaced_by is deferred), then the new one enters it
                        return cards
                            .update(closed)
                            .then(cards.insert(fresh))
                            .then(record(closed, type, clerk, why, null))
                            .then(record(fresh, "ssc.card.issued", clerk, why, idNumber))
                            .thenReturn(fresh);
                      });
            })
        .as(tx::transactional)
        .onErrorMap(CardService::isSecondCard, e -> cardInForce(null))
        .map(privacy::view);
  }

  /** Temporary losses past their period become formal; returns how many did. */
  public Mono<Long> formaliseDueLosses() {
    Instant due = now().minus(properties.cards().temporaryLossPeriod());
    return cards
        .temporaryLossesSince(due, 500)
        .concatMap(
            id ->
                cards
                    .lock(id)
                    .flatMap(this::formaliseIfDue)
                    .filter(c -> c.status() == CardStatus.FORMAL_LOSS)
                    .as(tx::transactional))
        .count();
  }

  /** The card, formal-loss first if its temporary loss is past its period (logged as such). */
  private Mono<Card> formaliseIfDue(Card card) {
    if (card.status() != CardStatus.TEMPORARY_LOSS
        || now().isBefore(card.statusChangedAt().plus(properties.cards().temporaryLossPeriod()))) {
      return Mono.just(card);
    }
    Instant now = now();
    Card formal =
        card.withStatus(
                CardLifecycle.apply(
                    card.status(), card.replaced(), CardAction.FORMALISE_LOSS, null),
                "temporary loss not lifted within " + properties.cards().temporaryLossPeriod(),
                now)
            .next(now);
    return cards
        .update(formal)
        .then(
            record(
                formal,
                "ssc.card.loss-formalised",
                new Actor(SYSTEM, java.util.Set.of()),
                formal.statusReason(),
                null))
        .thenReturn(formal);
  }

  // ---- reads

  /** The card, locked against status changes until the transaction ends (FOR SHARE). */
  Mono<Card> lockForUse(UUID id) {
    return cards.lockShared(id);
  }

  /** The card as {@code actor} may see it: a holder sees only their own. */
  Mono<CardView> find(UUID id, Actor actor) {
    return visible(id, actor).map(privacy::view);
  }

  /** 404 {@code unknown-card} unless the card exists and {@code actor} may see it. */
  Mono<Card> visible(UUID id, Actor actor) {
    return cards
        .findById(id)
        .filter(card -> visibleTo(card, actor))
        .switchIfEmpty(Mono.error(() -> unknownCard(id)));
  }

  Flux<CardView> mine(Actor holder) {
    return cards.findByHolder(holder.subject()).map(privacy::view);
  }

  /** Every card of the person with this ID number (masked), newest first. */
  Flux<CardView> search(String idNumber) {
    CitizenId citizen = CitizenId.parse(idNumber, clock);
    return cards.findByIdNumberHash(privacy.searchHash(citizen.value())).map(privacy::view);
  }

  Mono<Page<CardView>> list(CardStatus status, String region, int page, int size) {
    String regionCode = region == null ? null : RegionCode.parse(region, "region").value();
    return cards
        .list(status, regionCode, page, size)
        .map(privacy::view)
        .collectList()
        .zipWith(cards.count(status, regionCode))
        .map(t -> new Page<>(t.getT1(), page, size, t.getT2()));
  }

  /**
   * The card's events with their log indexes, oldest first. The card's holder sees each staff
   * member who acted as the log names them ({@code staff:…}, the same reference as in the event's
   * bundle): that someone acted, and which of the log's entries it was, not their account name.
   */
  Mono<List<CardEvent.Logged>> history(UUID id, Actor actor) {
    return visible(id, actor)
        .flatMap(
            card ->
                cards
                    .events(id, logOrigin)
                    .map(logged -> actor.holderOnly() ? staffReferenced(logged) : logged)
                    .collectList());
  }

  private CardEvent.Logged staffReferenced(CardEvent.Logged logged) {
    CardEvent e = logged.event();
    if (e.actor().startsWith(CardPrivacy.HOLDER_PREFIX) || SYSTEM.equals(e.actor())) {
      return logged;
    }
    return new CardEvent.Logged(
        new CardEvent(
            e.cardId(),
            e.version(),
            e.type(),
            references.staff(e.actor()),
            e.status(),
            e.reason(),
            e.at()),
        logged.leafIndex());
  }

  /**
   * The card's personal data in clear, for a clerk or auditor who states why; the read is a card
   * event in the log (who, when, which card, why) before anything is answered.
   */
  Mono<CardPrivacy.ClearPersonalData> readPersonalData(UUID id, String reason, Actor reader) {
    if (isBlank(reason)) {
      throw new org.govchain.ssc.cards.ReasonRequiredException("a clear read");
    }
    return cards
        .lock(id)
        .switchIfEmpty(Mono.error(() -> unknownCard(id)))
        .flatMap(
            card -> {
              Card read = card.next(now());
              return cards
                  .update(read)
                  .then(record(read, "ssc.card.personal-data-read", reader, reason, null))
                  .thenReturn(read);
            })
        .as(tx::transactional)
        .map(privacy::clear);
  }

  // ---- helpers

  /**
   * The card's event row and its log event, at the card's current version. The envelope is public
   * (any bundle can be passed on, and card holders and clerks read the log's bundles by index), so
   * it names the citizen, the card's identifiers, the staff member and the typed reason only by
   * keyed hashes; the event row keeps the actor and the reason for the card's history.
   */
  private Mono<Void> record(
      Card card, String type, Actor actor, String reason, String idNumberForHash) {
    String who = actor.holderOnly() ? privacy.holderRef(actor.subject()) : actor.subject();
    String loggedActor =
        actor.holderOnly() || isSystem(actor) ? who : references.staff(actor.subject());
    CardEvent event =
        new CardEvent(
            card.id(),
            card.version(),
            type,
            who,
            card.status(),
            blankToNull(reason),
            card.updatedAt());
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("cardId", card.id().toString());
    data.put("cardNumber", references.of(CARD_NUMBER, card.cardNumber()));
    data.put("identificationCode", references.of(IDENTIFICATION_CODE, card.identificationCode()));
    data.put("specVersion", card.specVersion());
    data.put("issuingRegion", card.issuingRegion());
    data.put("status", card.status().code());
    data.put("statusName", card.status().name());
    data.put("issueDate", card.issueDate().toString());
    data.put("expiryDate", card.expiryDate().toString());
    if (idNumberForHash != null) {
      // the person, as a keyed hash only (DESIGN §4: no personal data in the log)
      data.put("person", privacy.personHash(idNumberForHash));
    }
    if (card.replaces() != null) {
      data.put("replaces", card.replaces().toString());
    }
    if (card.replacedBy() != null) {
      data.put("replacedBy", card.replacedBy().toString());
    }
    data.put("actor", loggedActor);
    if (!isBlank(reason)) {
      data.put("reason", references.reason(reason.strip()));
    }
    return cards
        .insertEvent(event)
        .then(log.append(type, card.id().toString(), card.version(), card.updatedAt(), data))
        .then();
  }

  /** The service itself (a loss formalised when its period ran out), not a person. */
  private static boolean isSystem(Actor actor) {
    return SYSTEM.equals(actor.subject()) && actor.roles().isEmpty();
  }

  private boolean visibleTo(Card card, Actor actor) {
    return !actor.holderOnly() || actor.subject().equals(card.holderSubject());
  }

  private String newActivationCode() {
    StringBuilder code = new StringBuilder(ACTIVATION_CODE_DIGITS);
    for (int i = 0; i < ACTIVATION_CODE_DIGITS; i++) {
      code.append((char) ('0' + random.nextInt(10)));
    }
    return code.toString();
  }

  private static String eventType(CardAction action) {
    return switch (action) {
      case ACTIVATE -> "ssc.card.activated";
      case REPORT_TEMPORARY_LOSS -> "ssc.card.temporary-loss-reported";
      case LIFT_LOSS -> "ssc.card.loss-lifted";
      case REPORT_FORMAL_LOSS -> "ssc.card.formal-loss-reported";
      case FORMALISE_LOSS -> "ssc.card.loss-formalised";
      case REPLACE -> "ssc.card.replaced";
      case EXCHANGE -> "ssc.card.exchanged";
      case LOCK -> "ssc.card.locked";
      case UNLOCK -> "ssc.card.unlocked";
      case CANCEL -> "ssc.card.cancelled";
    };
  }

  private static String validName(String name) {
    String n = name == null ? "" : name.strip();
    int length = n.codePointCount(0, n.length());
    if (length < 1 || length > 50 || n.codePoints().anyMatch(Character::isISOControl)) {
      throw ProblemException.invalidField("name", "1 to 50 characters, no control characters");
    }
    return n;
  }

  private static String validPhone(String phone) {
    if (isBlank(phone)) {
      return null;
    }
    String p = phone.strip();
    if (!p.matches("1[3-9][0-9]{9}")) {
      throw ProblemException.invalidField("phone", "an 11-digit mobile number");
    }
    return p;
  }

  private static String validBankAccount(String bankName, String account) {
    if (isBlank(bankName) != isBlank(account)) {
      throw ProblemException.invalidField(
          isBlank(bankName) ? "bankName" : "bankAccount", "bankName and bankAccount go together");
    }
    if (isBlank(account)) {
      return null;
    }
    String a = account.replace(" ", "");
    if (!a.matches("[0-9]{12,19}")) {
      throw ProblemException.invalidField("bankAccount", "12 to 19 digits");
    }
    return a;
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  private static String blankToNull(String s) {
    return isBlank(s) ? null : s.strip();
  }

  private static boolean isSecondCard(Throwable e) {
    return e instanceof DataIntegrityViolationException
        && String.valueOf(e.getMessage()).contains(CardRepository.ONE_IN_FORCE);
  }

  private static ProblemException invalidActivation(String why) {
    return new ProblemException(SscProblem.INVALID_ACTIVATION_CODE, why, Map.of());
  }

  static ProblemException cardInForce(UUID existing) {
    return new ProblemException(
        SscProblem.CARD_IN_FORCE,
        "the person already has a card in force",
        existing == null ? Map.of() : Map.of("cardId", existing.toString()));
  }

  static ProblemException unknownCard(UUID id) {
    return new ProblemException(
        SscProblem.UNKNOWN_CARD, "no card " + id, Map.of("cardId", id.toString()));
  }

  static boolean isStaff(Actor actor) {
    return actor.has(Role.SSC_CLERK) || actor.has(Role.AUDITOR) || actor.has(Role.ADMIN);
  }
}
