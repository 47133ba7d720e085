package org.govchain.bench.log;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The smallest service using the starter: no code of its own, only the log (appender, sequencer,
 * reader) and, when {@code govchain.anchor.enabled=true}, the anchorer, as auto-configured.
 */
@SpringBootApplication
public class LogBenchApplication {}
