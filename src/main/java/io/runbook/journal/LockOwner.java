package io.runbook.journal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Who holds a run lock, as written into the controller's lock files and the hosts' lock folders:
 * the user, the controller machine (its host name), the process and when it started, the run and
 * where its journal is.
 *
 * @param pidSpace where the pid means something: the controller's boot id and pid namespace
 *                 (Linux), or null; a pid is looked up only under the same host name and space,
 *                 so a clone, a container or this machine before a reboot is never mistaken
 *                 for the process that wrote the record
 * @param pidStart when the owner process started, or null: a live process with the same pid
 *                 that started at another time is not the owner
 * @param journal  the run's journal, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LockOwner(String user, String controller,
    @JsonProperty("pid_space") String pidSpace, long pid, @JsonProperty("pid_start") String pidStart,
    @JsonProperty("run_id") String runId, String started, String inventory, String journal) {

  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  /** How far two readings of one process's start may differ (the kernel's boot time drifts). */
  private static final Duration SAME_START = Duration.ofSeconds(2);

  /** Whether the owner's process still runs, as far as this machine can tell. */
  public enum Liveness { ALIVE, GONE, UNKNOWABLE }

  /** This process, about to run {@code runId}. */
  public static LockOwner current(String runId, String inventory, Path journal) {
    ProcessHandle self = ProcessHandle.current();
    return new LockOwner(System.getProperty("user.name"), thisHostName(), thisPidSpace(), self.pid(),
        self.info().startInstant().map(Instant::toString).orElse(null), runId,
        Instant.now().toString(), inventory, journal == null ? null : journal.toString());
  }

  /** The record written as text, or empty when it is missing or not one (a half-written file). */
  public static Optional<LockOwner> parse(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      LockOwner owner = JSON.readValue(text.strip(), LockOwner.class);
      return owner.runId() == null ? Optional.empty() : Optional.of(owner);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** One line of JSON (no spaces, so a shell can find {@code "run_id":"..."} in it). */
  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code run R by alice@ctl1 (pid 4242, since 2026-11-24T23:15:02Z)}. */
  public String describe() {
    return "run " + runId + " by " + user + "@" + controller + " (pid " + pid + ", since " + started + ")";
  }

  /**
   * Whether the run got as far as its journal's first line (or cannot be checked: no journal
   * named). One that died before that touched no host, so its locks are taken over unasked.
   */
  public boolean journalBegan() {
    return journal == null || Journal.began(Path.of(journal));
  }

  /** What to do about the lock this owner left when it died: look, then resume or break it. */
  public String staleAdvice() {
    String state = journal == null ? "" : " --state-dir " + Path.of(journal).getParent().getParent().getParent();
    return "check what it left half-done (runbook runs show " + runId + state + "), then resume it"
        + " (--resume " + runId + ") or run again with --break-lock";
  }

  /**
   * ALIVE or GONE when the owner ran here (this host, boot and pid namespace); UNKNOWABLE for
   * another controller, or for this one before it rebooted, whose processes cannot be seen.
   */
  public Liveness liveness() {
    if (!thisHostName().equals(controller) || !java.util.Objects.equals(pidSpace, thisPidSpace())) {
      return Liveness.UNKNOWABLE;
    }
    Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    if (process.isEmpty()) {
      return Liveness.GONE;
    }
    Optional<Instant> start = process.get().info().startInstant();
    Optional<Instant> recorded = instant(pidStart);
    if (start.isPresent() && recorded.isPresent()
        && Duration.between(start.get(), recorded.get()).abs().compareTo(SAME_START) > 0) {
      return Liveness.GONE; // the pid was reused by another process
    }
    return Liveness.ALIVE;
  }

  private static Optional<Instant> instant(String text) {
    try {
      return text == null ? Optional.empty() : Optional.of(Instant.parse(text));
    } catch (java.time.format.DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static String thisHostName() {
    try {
      return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
    } catch (IOException e) {
      try {
        return InetAddress.getLocalHost().getHostName();
      } catch (IOException unknown) {
        return "localhost";
      }
    }
  }

  private static String thisPidSpace() {
    try {
      return Files.readString(Path.of("/proc/sys/kernel/random/boot_id")).strip() + " "
          + Files.readSymbolicLink(Path.of("/proc/self/ns/pid"));
    } catch (IOException | UnsupportedOperationException e) {
      return null;
    }
  }
}
