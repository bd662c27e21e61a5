package io.runbook.lab;

/** Where TiDB writes a transaction's binlog. */
interface BinlogSink {
  /** Writes one binlog; null when a pump stored it, else why not. */
  String write(long commitTs, String payload);
}
