package io.runbook.transport;

/** What a path is on a host. {@code mode} holds the permission bits only (e.g. 0644). */
public record FileStat(Type type, long size, int mode, String owner, String group) {

  public enum Type { FILE, DIRECTORY, OTHER }

  public boolean isFile() {
    return type == Type.FILE;
  }

  public boolean isDirectory() {
    return type == Type.DIRECTORY;
  }
}
