package org.govchain.anchor.spring.log;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.govchain.anchor.spring.log.LogStore.InsertedEntry;
import org.govchain.anchor.spring.log.LogStore.NewEntry;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Group commit for appends made outside any transaction: the entries of callers appending at the
 * same time are inserted by one statement in one transaction, and each caller hears of its entry
 * only once that transaction has committed, so an acknowledged append is as durable as one
 * committed alone. A caller alone waits for nobody: its entry is written at once, in a batch of
 * one; while {@link #IN_FLIGHT} batches are being written, the appends that arrive wait for the
 * next one and go together (at most {@link #MAX_BATCH} to a batch).
 *
 * <p>A batch that fails fails every append in it, with the same error; none of them is acknowledged
 * (the transaction rolled back). An append whose caller cancels once it is queued may still be
 * written: never acknowledged, but never half written either.
 */
final class AppendBatcher {

  /** Most entries written by one statement. */
  static final int MAX_BATCH = 512;

  /** Most batches being written at once, each on its own connection. */
  static final int IN_FLIGHT = 2;

  private final LogStore store;
  private final TransactionalOperator transactions;
  private final Queue<Waiting> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger writing = new AtomicInteger();

  AppendBatcher(LogStore store, TransactionalOperator transactions) {
    this.store = store;
    this.transactions = transactions;
  }

  /**
   * The entry, once the batch it went into has committed; empty if its subject and version exist.
   */
  Mono<InsertedEntry> insert(NewEntry entry) {
    return Mono.defer(
        () -> {
          Waiting waiting = new Waiting(entry, Sinks.one());
          queue.add(waiting);
          drain();
          return waiting.result().asMono().flatMap(Mono::justOrEmpty);
        });
  }

  /** Starts batches while there are appends waiting and fewer than {@link #IN_FLIGHT} written. */
  private void drain() {
    while (!queue.isEmpty()) {
      int now = writing.get();
      if (now >= IN_FLIGHT) {
        return; // a batch that ends drains again
      }
      if (!writing.compareAndSet(now, now + 1)) {
        continue;
      }
      List<Waiting> batch = new ArrayList<>();
      Waiting next;
      while (batch.size() < MAX_BATCH && (next = queue.poll()) != null) {
        batch.add(next);
      }
      if (batch.isEmpty()) {
        writing.decrementAndGet();
        continue;
      }
      write(batch);
    }
  }

  private void write(List<Waiting> batch) {
    List<NewEntry> entries = batch.stream().map(Waiting::entry).toList();
    transactions
        .transactional(store.insertEntries(entries))
        .subscribe(
            inserted -> acknowledge(batch, inserted),
            error -> {
              batch.forEach(w -> w.result().tryEmitError(error));
              done();
            },
            this::done);
  }

  /**
   * Tells each caller of a committed batch its entry; of two appends of one subject and version in
   * the batch, only the one whose envelope was written has an entry (the other is a duplicate).
   */
  private static void acknowledge(List<Waiting> batch, Map<String, InsertedEntry> inserted) {
    for (Waiting w : batch) {
      InsertedEntry entry = inserted.get(HexFormat.of().formatHex(w.entry().leafHash()));
      w.result().tryEmitValue(Optional.ofNullable(entry));
    }
  }

  private void done() {
    writing.decrementAndGet();
    drain();
  }

  private record Waiting(NewEntry entry, Sinks.One<Optional<InsertedEntry>> result) {}
}
