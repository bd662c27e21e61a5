package io.runbook.inventory;

/**
 * An instance's deploy, data and log folders as TiUP lays them out when the meta leaves one out
 * (pkg/cluster/spec/spec.go {@code setCustomDefaults} and {@code Abs}): the deploy folder is
 * {@code <global.deploy_dir>/<role>-<port>}, under {@code /home/<user>/} when relative; the data
 * and log folders are {@code <global dir>/<role>-<port>} when the global one is absolute, else
 * the global (or default) name inside the deploy folder, as a relative instance folder is.
 */
record TiupFolders(String user, TiupMeta.Global global) {

  String deployDir(TiupRole role, TiupInstance i) {
    String dir = i.deployDir() != null && !i.deployDir().isEmpty() ? i.deployDir()
        : join(or(global.deployDir(), "deploy"), role.component + "-" + role.mainPort(i));
    return dir.startsWith("/") ? trim(dir) : join("/home/" + user, dir);
  }

  String dataDir(TiupRole role, TiupInstance i, String deployDir) {
    return under(role, i, i.dataDir(), or(global.dataDir(), "data"), deployDir);
  }

  String logDir(TiupRole role, TiupInstance i, String deployDir) {
    return under(role, i, i.logDir(), or(global.logDir(), "log"), deployDir);
  }

  private static String under(TiupRole role, TiupInstance i, String own, String globalDir, String deployDir) {
    if (own != null && !own.isEmpty()) {
      return own.startsWith("/") ? trim(own) : join(deployDir, own);
    }
    return globalDir.startsWith("/") ? join(globalDir, role.component + "-" + role.mainPort(i))
        : join(deployDir, globalDir);
  }

  private static String or(String value, String dflt) {
    return value == null || value.isEmpty() ? dflt : value;
  }

  private static String join(String parent, String child) {
    return trim(trim(parent) + "/" + child);
  }

  private static String trim(String dir) {
    String d = dir.replaceAll("/+", "/");
    return d.length() > 1 && d.endsWith("/") ? d.substring(0, d.length() - 1) : d;
  }
}
