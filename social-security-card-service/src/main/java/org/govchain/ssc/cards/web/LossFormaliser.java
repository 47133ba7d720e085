package org.govchain.ssc.cards.web;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * Makes temporary losses past their period formal, every minute. Each card changes under its own
 * row lock and re-checks its status, so any number of instances may run this; a card touched before
 * the sweep reaches it is formalised by that change first (CardService).
 */
@Component
class LossFormaliser implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(LossFormaliser.class);
  private static final Duration EVERY = Duration.ofMinutes(1);

  private final CardService cards;
  private volatile Disposable running;

  LossFormaliser(CardService cards) {
    this.cards = cards;
  }

  @Override
  public void start() {
    running =
        Flux.interval(Duration.ofSeconds(5), EVERY, Schedulers.parallel())
            .concatMap(
                tick ->
                    cards
                        .formaliseDueLosses()
                        .doOnNext(
                            n -> {
                              if (n > 0) {
                                LOG.info("{} temporary losses became formal", n);
                              }
                            })
                        .onErrorResume(
                            e -> {
                              LOG.warn("formalising temporary losses failed: {}", e.toString());
                              return reactor.core.publisher.Mono.empty();
                            }))
            .subscribe();
  }

  @Override
  public void stop() {
    Disposable d = running;
    running = null;
    if (d != null) {
      d.dispose();
    }
  }

  @Override
  public boolean isRunning() {
    return running != null;
  }
}
