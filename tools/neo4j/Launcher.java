import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
 * Usage: java -cp ... Launcher <home-dir> <bolt-port> [pagecache-mb] [--exit-on-stdin-eof]
 *
 * The password of the user neo4j is the first line on stdin: never on the command line, where every
 * local user could read it in the process list.
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
    if (args.length < 2) {
      System.err.println("usage: Launcher <home-dir> <bolt-port> [pagecache-mb] [--exit-on-stdin-eof] (password on stdin)");
      System.exit(2);
    }
    Path home = Path.of(args[0]).toAbsolutePath();
    int port = Integer.parseInt(args[1]);
    long pageCacheMb = args.length > 2 ? Long.parseLong(args[2]) : 256;
    boolean exitOnStdinEof = args.length > 3 && args[3].equals("--exit-on-stdin-eof");
    String password = firstLine(System.in);
    if (password.isEmpty()) {
      System.err.println("local Neo4j failed: no password on the first line of stdin");
      System.exit(2);
    }

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

  /** Reads up to the first newline byte by byte, so that nothing after it is consumed. */
  private static String firstLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1 && b != '\n') {
      line.write(b);
    }
    String text = line.toString(StandardCharsets.UTF_8);
    return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
  }
}
