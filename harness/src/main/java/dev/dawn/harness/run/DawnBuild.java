package dev.dawn.harness.run;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The commit dawn itself was built from, written into the jar by the build ({@code
 * dawn-build.properties}, see harness/pom.xml). Not the git state of the folder a run starts in,
 * which may be another repository or none.
 *
 * @param commit the full commit hash, or "unknown" when the build had no git checkout (e.g. a
 *     source tarball)
 * @param dirty "true" when tracked files differed from the commit at build time, "false", or
 *     "unknown"
 */
public record DawnBuild(String commit, String dirty) {
  static final String RESOURCE = "dawn-build.properties";
  public static final String UNKNOWN = "unknown";

  public static DawnBuild current() {
    Properties p = new Properties();
    try (InputStream in = DawnBuild.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // an unreadable resource says as much as a missing one
    }
    return new DawnBuild(
        p.getProperty("gitCommit", UNKNOWN).strip(), p.getProperty("gitDirty", UNKNOWN).strip());
  }

  /** True/false, or null when unknown (environment.json keeps its boolean). */
  public Boolean dirtyFlag() {
    return "true".equals(dirty) ? Boolean.TRUE : "false".equals(dirty) ? Boolean.FALSE : null;
  }
}
