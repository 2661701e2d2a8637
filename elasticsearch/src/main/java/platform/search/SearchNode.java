package platform.search;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.opensearch.common.logging.LogConfigurator;
import org.opensearch.common.settings.Settings;
import org.opensearch.common.unit.TimeValue;
import org.opensearch.env.Environment;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Starts one search node in this JVM: a real {@link Node} (the same class the official bootstrap
 * starts) over the home laid out by {@link Layout}; modules are loaded from {@code home/modules}
 * by the server's PluginsService. Closes the node cleanly on SIGTERM/SIGINT.
 *
 * <p>System properties: {@code search.base} (default {@code .platform/elasticsearch}) holding
 * {@code home/}, {@code data/}, {@code logs/}. Env: {@code ELASTICSEARCH_URL} (HTTP port, default 9200),
 * {@code ELASTICSEARCH_TRANSPORT_PORT} (default 9300), {@code SEARCH_NODE_NAME}, {@code SEARCH_CLUSTER_NAME}.
 */
public final class SearchNode {

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        Path base = Paths.get(System.getProperty("search.base", ".platform/elasticsearch")).toAbsolutePath().normalize();
        Path home = base.resolve("home");
        Path config = home.resolve("config");
        if (!Files.isDirectory(home.resolve("modules"))) {
            System.err.println("no modules in " + home + ": run the layout step first (runtime/platform.sh up elasticsearch)");
            System.exit(1);
        }
        Files.createDirectories(config);
        Files.createDirectories(base.resolve("data"));
        Files.createDirectories(base.resolve("logs"));
        Files.writeString(config.resolve("log4j2.properties"), String.join("\n",
            "status = error",
            "appender.console.type = Console",
            "appender.console.name = console",
            "appender.console.layout.type = PatternLayout",
            "appender.console.layout.pattern = [%d{ISO8601}][%-5p][%-25c{1.}] [%node_name]%marker %m%n",
            "rootLogger.level = info",
            "rootLogger.appenderRef.console.ref = console",
            "logger.deprecation.name = org.opensearch.deprecation",
            "logger.deprecation.level = error",
            ""));

        String nodeName = env("SEARCH_NODE_NAME", "search-1");
        Settings settings = Settings.builder()
            .put("path.home", home.toString())
            .put("path.data", base.resolve("data").toString())
            .put("path.logs", base.resolve("logs").toString())
            .put("cluster.name", env("SEARCH_CLUSTER_NAME", "platform"))
            .put("node.name", nodeName)
            .put("discovery.type", "single-node")
            .put("network.host", "127.0.0.1")
            .put("http.port", httpPort())
            .put("transport.port", Integer.parseInt(env("ELASTICSEARCH_TRANSPORT_PORT", "9300")))
            // stock Netty HTTP + the ES-8-client compatibility layer (see EsCompatHttpServerTransport);
            // -Dsearch.http.type=netty4 gives the unmodified transport
            .put("http.type", System.getProperty("search.http.type", "netty4-es-compat"))
            .put("bootstrap.memory_lock", false)
            // a dev box that is nearly full must not turn indices read-only / unassigned
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            .put("action.auto_create_index", true)
            .build();

        Environment environment = InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), config, () -> nodeName);
        LogConfigurator.registerErrorListener();
        LogConfigurator.setNodeName(nodeName);
        LogConfigurator.configure(environment);

        Logger log = LogManager.getLogger(SearchNode.class);
        Node node = new Node(environment);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
                if (!node.awaitClose(20, TimeUnit.SECONDS)) {
                    log.warn("node did not close within 20s");
                }
                log.info("search node stopped");
            } catch (Exception e) {
                log.error("error while closing the node", e);
            } finally {
                stopped.countDown();
            }
        }, "search-node-shutdown"));
        node.start();
        // one node: replicas can never be assigned, so new indices default to 0 replicas (green, not
        // yellow). Index creation reads this from the cluster metadata, hence a persistent setting.
        try {
            node.client().admin().cluster().prepareUpdateSettings()
                .setPersistentSettings(Settings.builder().put("cluster.default_number_of_replicas", 0))
                .get(TimeValue.timeValueSeconds(30));
        } catch (Exception e) {
            log.warn("could not set cluster.default_number_of_replicas=0", e);
        }
        log.info("search node started in {} ms (JVM start excluded)", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
        stopped.await(); // node threads are daemons: keep the JVM alive until shutdown
    }

    private static int httpPort() {
        String url = System.getenv("ELASTICSEARCH_URL");
        if (url != null && !url.isBlank()) {
            int port = URI.create(url.trim()).getPort();
            if (port > 0) return port;
        }
        return 9200;
    }

    private static String env(String name, String dflt) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? dflt : v.trim();
    }
}
