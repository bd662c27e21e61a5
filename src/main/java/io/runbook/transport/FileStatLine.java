package io.runbook.transport;

/** Reads the line of {@code stat -L -c '%F|%s|%a|%U|%G'}. */
public final class FileStatLine {
  private FileStatLine() {}

  public static FileStat parse(String line) {
    String[] f = line.strip().split("\\|");
    FileStat.Type type = f[0].startsWith("regular") ? FileStat.Type.FILE
        : f[0].equals("directory") ? FileStat.Type.DIRECTORY : FileStat.Type.OTHER;
    return new FileStat(type, Long.parseLong(f[1]), Integer.parseInt(f[2], 8), f[3], f[4]);
  }
}
