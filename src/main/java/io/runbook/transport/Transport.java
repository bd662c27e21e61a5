package io.runbook.transport;

import java.util.Optional;

/**
 * How the engine reaches one host: run a process, and read or write files. It knows nothing of
 * playbooks. Implementations: {@link LocalTransport} (the controller itself) and, later, SSH.
 *
 * <p>Threading: one transport serves one host and may be called from one task at a time.
 * Errors: a command that runs and fails is a {@link CommandResult}, never an exception; a host
 * that cannot be reached at all throws {@link UnreachableException}; a file operation that the
 * host refuses throws {@link TransportException} with the host's reason.
 */
public interface Transport extends AutoCloseable {

  /** Runs a process to completion (or until its timeout) and returns what it did. */
  CommandResult run(CommandSpec spec);

  /** The file or directory at {@code path}, or empty when nothing is there. Links are followed. */
  Optional<FileStat> stat(String path);

  /** The whole content of a regular file. */
  byte[] read(String path);

  /**
   * Replaces {@code path} atomically: writes a temporary file beside it, sets its mode when
   * {@code mode} is not null, verifies its SHA-256 against {@code content}, then renames it into
   * place. Readers never see a half-written file.
   */
  void writeAtomically(String path, byte[] content, Integer mode);

  /** Creates a directory and its missing parents; sets {@code mode} on the ones it creates. */
  void mkdirs(String path, Integer mode);

  /** Removes a file, or a directory with everything in it. Nothing there is not an error. */
  void delete(String path);

  /** Sets permission bits. */
  void chmod(String path, int mode);

  /** Changes owner and/or group (either may be null). */
  void chown(String path, String owner, String group);

  /** Renames within the host's filesystem, replacing the target. */
  void rename(String from, String to);

  /** True when this is the controller itself (so a port on 127.0.0.1 is the controller's). */
  default boolean isLocal() {
    return false;
  }

  /** Where this transport leads, for messages: {@code local}, {@code ssh://tidb@10.0.1.5:22}. */
  String describe();

  @Override
  void close();
}
