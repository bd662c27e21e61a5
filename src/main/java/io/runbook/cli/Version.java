package io.runbook.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest (or "dev" when run from classes). */
public final class Version implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = Version.class.getPackage().getImplementationVersion();
    return new String[] {"runbook " + (v == null ? "dev" : v)};
  }
}
