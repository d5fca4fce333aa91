import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Runs Neo4j Community (jars from Maven Central) with Bolt on 127.0.0.1 for the local default mode.
 *
 * Usage: java -cp ... Launcher <home-dir> <bolt-port> <password> [pagecache-mb] [--exit-on-stdin-eof]
 *
 * Prints "NEO4J_READY <port>" on stdout once Bolt accepts connections. Stops cleanly on SIGTERM/SIGINT,
 * and, with --exit-on-stdin-eof, when stdin reaches EOF, so that the Java process never outlives the Node process that owns it
 * (even when that one is killed with SIGKILL).
 */
public final class Launcher {
  public static void main(String[] args) throws Exception {
    try {
      run(args);
    } catch (Exception | Error e) {
      System.err.println("local Neo4j failed: " + e);
      System.exit(3);
    }
  }

  private static void run(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: Launcher <home-dir> <bolt-port> <password> [pagecache-mb]");
      System.exit(2);
    }
    Path home = Path.of(args[0]).toAbsolutePath();
    int port = Integer.parseInt(args[1]);
    String password = args[2];
    long pageCacheMb = args.length > 3 ? Long.parseLong(args[3]) : 256;
    boolean exitOnStdinEof = args.length > 4 && args[4].equals("--exit-on-stdin-eof");

    DatabaseManagementService service = new DatabaseManagementServiceBuilder(home)
        .setConfig(BoltConnector.enabled, true)
        .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
        .setConfig(HttpConnector.enabled, false)
        .setConfig(GraphDatabaseSettings.auth_enabled, true)
        .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb))
        .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(120))
        .setConfig(GraphDatabaseSettings.udc_enabled, false)
        // The owner closes its driver before stopping Neo4j: no need to wait 5 s twice for Bolt clients.
        .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(500))
        .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(500))
        .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
        .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(2))
        .build();

    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        service.shutdown();
      } catch (RuntimeException e) {
        System.err.println("neo4j shutdown: " + e.getMessage());
      }
    }, "neo4j-shutdown"));

    // The password of the single local user is set at every start, so the folder never needs a manual step.
    // Neo4j refuses to set the password it already has; that case is fine.
    try {
      service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
          "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
    } catch (RuntimeException e) {
      String message = String.valueOf(e.getMessage());
      if (!message.contains("Old password and new password cannot be the same")) {
        System.err.println("could not set the password of the local Neo4j: " + message);
        System.exit(3);
      }
    }

    System.out.println("NEO4J_READY " + port);
    System.out.flush();

    if (!exitOnStdinEof) {
      Thread.currentThread().join();
      return;
    }
    Thread watchdog = new Thread(() -> {
      try (InputStream in = System.in) {
        while (in.read() != -1) {
          // ignore input; EOF means the owner is gone
        }
      } catch (IOException ignored) {
        // treated as EOF
      }
      System.exit(0);
    }, "stdin-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    Thread.currentThread().join();
  }
}
