package io.mathsieve.jobs.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.plugin.DefaultPluginManager;
import org.apache.flink.core.plugin.DirectoryBasedPluginFinder;
import org.apache.flink.core.plugin.PluginConfig;
import org.apache.flink.core.plugin.PluginManager;

/**
 * Flink's file systems for a process started by the {@code ./mathsieve} launcher, as a Flink
 * process would have them: the configuration of {@code $FLINK_CONF_DIR/config.yaml} when set (for
 * {@code s3.endpoint}, {@code s3.path.style.access}, keys, ...), and the plugins under
 * {@code $FLINK_PLUGINS_DIR} or the build's {@code pipeline-jobs/target/plugins} (Flink's S3 file
 * system, so that {@code s3://} paths work locally). Inside {@code flink run} or a cluster, Flink has
 * done this itself and this class is not used.
 */
public final class LocalFileSystems {
  private LocalFileSystems() {}

  /** Initialises from the environment ({@code System.getenv()}) and the launcher's root directory. */
  public static void initialize(Map<String, String> env, String launcherRoot) {
    String confDir = env.get("FLINK_CONF_DIR");
    Configuration conf = confDir != null ? GlobalConfiguration.loadConfiguration(confDir) : new Configuration();
    String pluginsDir = env.get("FLINK_PLUGINS_DIR");
    initialize(conf, pluginsDir != null ? Path.of(pluginsDir) : Path.of(launcherRoot, "pipeline-jobs", "target", "plugins"));
  }

  /** Initialises with {@code conf} and the plugins found under {@code pluginsDir} (if it exists). */
  public static void initialize(Configuration conf, Path pluginsDir) {
    PluginManager plugins = null;
    if (pluginsDir != null && Files.isDirectory(pluginsDir)) {
      try {
        plugins = new DefaultPluginManager(new DirectoryBasedPluginFinder(pluginsDir).findPlugins(),
            PluginConfig.fromConfiguration(conf).getAlwaysParentFirstPatterns());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the Flink plugins under " + pluginsDir, e);
      }
    }
    FileSystem.initialize(conf, plugins);
  }
}
