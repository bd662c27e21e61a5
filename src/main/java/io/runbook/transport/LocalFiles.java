package io.runbook.transport;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.EnumSet;
import java.util.Set;

/** POSIX file operations on the controller's own filesystem. */
final class LocalFiles {
  private static final PosixFilePermission[] BITS = {
      PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
      PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE,
      PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
      PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
      PosixFilePermission.OWNER_READ};

  private LocalFiles() {}

  static FileStat stat(Path p) throws IOException {
    PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class);
    FileStat.Type type = a.isRegularFile() ? FileStat.Type.FILE
        : a.isDirectory() ? FileStat.Type.DIRECTORY : FileStat.Type.OTHER;
    int mode = (Integer) Files.getAttribute(p, "unix:mode") & 07777;
    return new FileStat(type, a.size(), mode, a.owner().getName(), a.group().getName());
  }

  static void chmod(Path p, int mode) throws IOException {
    if ((mode & 07000) != 0) {
      Files.setAttribute(p, "unix:mode", mode);
      return;
    }
    Set<PosixFilePermission> perms = EnumSet.noneOf(PosixFilePermission.class);
    for (int i = 0; i < BITS.length; i++) {
      if ((mode & (1 << i)) != 0) {
        perms.add(BITS[i]);
      }
    }
    Files.setPosixFilePermissions(p, perms);
  }

  static void chown(Path p, String owner, String group) throws IOException {
    UserPrincipalLookupService users = p.getFileSystem().getUserPrincipalLookupService();
    PosixFileAttributeView view = Files.getFileAttributeView(p, PosixFileAttributeView.class);
    if (owner != null) {
      view.setOwner(users.lookupPrincipalByName(owner));
    }
    if (group != null) {
      GroupPrincipal g = users.lookupPrincipalByGroupName(group);
      view.setGroup(g);
    }
  }

  static void mkdirs(Path p, Integer mode) throws IOException {
    Path missing = p.toAbsolutePath();
    java.util.ArrayDeque<Path> toCreate = new java.util.ArrayDeque<>();
    while (missing != null && !Files.exists(missing)) {
      toCreate.push(missing);
      missing = missing.getParent();
    }
    while (!toCreate.isEmpty()) {
      Path dir = toCreate.pop();
      Files.createDirectory(dir);
      if (mode != null) {
        chmod(dir, mode);
      }
    }
    if (!Files.isDirectory(p)) {
      throw new IOException("exists and is not a directory");
    }
  }

  static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
      Files.delete(p);
      return;
    }
    Files.walkFileTree(p, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
