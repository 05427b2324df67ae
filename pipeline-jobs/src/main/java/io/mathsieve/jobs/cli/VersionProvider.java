package io.mathsieve.jobs.cli;

import io.mathsieve.extract.ExtractorVersion;
import picocli.CommandLine.IVersionProvider;

/** Prints the versions that shape output. */
public final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = Main.class.getPackage().getImplementationVersion();
    return new String[] {"mathsieve " + (v == null ? "dev" : v), ExtractorVersion.CURRENT};
  }
}
