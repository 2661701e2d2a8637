package platform.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Lays out a search-engine home the way the official distribution does:
 * {@code home/lib} (server jars, the JVM classpath) and {@code home/modules/<name>/}
 * (module jars + generated plugin-descriptor.properties), from the flat jar directory that
 * {@code mvn dependency:copy-dependencies} fills. Modules are then loaded by the server's own
 * PluginsService, each in its own class loader, with {@code extended.plugins} wired (e.g.
 * analysis-common extends lang-painless), exactly as in a packaged install.
 *
 * <p>Usage: {@code java -cp target/search-node.jar platform.search.Layout LIB_DIR COMPAT_JAR HOME}
 */
public final class Layout {

    /** A module: directory name, plugin class, the Maven artifactIds whose jars belong to it, plugins it extends. */
    record Module(String name, String classname, String description, List<String> artifacts, List<String> extended) {}

    /** The compat jar (our code) joins the netty module; see EsCompatNetty4Plugin. */
    static final String COMPAT = "<compat>";

    static final List<Module> MODULES = List.of(
        new Module("transport-netty4", "platform.search.compat.EsCompatNetty4Plugin",
            "Netty 4 transport and HTTP, plus the Elasticsearch-8-client compatibility HTTP layer",
            List.of("transport-netty4-client", "netty-buffer", "netty-codec", "netty-codec-http", "netty-common",
                "netty-handler", "netty-resolver", "netty-transport", "netty-transport-native-unix-common", COMPAT),
            List.of()),
        new Module("lang-painless", "org.opensearch.painless.PainlessPlugin", "Painless scripting language",
            List.of("lang-painless", "opensearch-scripting-painless-spi", "antlr4-runtime", "asm", "asm-util",
                "asm-tree", "asm-commons", "asm-analysis"),
            List.of()),
        new Module("analysis-common", "org.opensearch.analysis.common.CommonAnalysisPlugin",
            "Common analysis: edge_ngram, synonym(_graph), stemmer, lowercase, asciifolding, ...",
            List.of("analysis-common"), List.of("lang-painless")),
        new Module("mapper-extras", "org.opensearch.index.mapper.MapperExtrasPlugin",
            "search_as_you_type, scaled_float, rank_feature(s), token_count",
            List.of("mapper-extras-client"), List.of()),
        new Module("reindex", "org.opensearch.index.reindex.ReindexPlugin",
            "_reindex, _update_by_query, _delete_by_query",
            List.of("reindex-client", "opensearch-rest-client", "httpclient", "httpcore", "httpasyncclient",
                "httpcore-nio", "commons-codec", "commons-logging", "opensearch-ssl-config"),
            List.of()),
        new Module("lang-mustache", "org.opensearch.script.mustache.MustachePlugin", "Search templates (mustache)",
            List.of("lang-mustache-client", "compiler"), List.of()),
        new Module("aggs-matrix-stats", "org.opensearch.search.aggregations.matrix.MatrixAggregationPlugin",
            "matrix_stats aggregation", List.of("aggs-matrix-stats-client"), List.of()),
        new Module("parent-join", "org.opensearch.join.ParentJoinPlugin", "join field, has_child/has_parent",
            List.of("parent-join-client"), List.of()),
        new Module("percolator", "org.opensearch.percolator.PercolatorPlugin", "percolate query",
            List.of("percolator-client"), List.of()),
        new Module("rank-eval", "org.opensearch.index.rankeval.RankEvalPlugin", "_rank_eval API",
            List.of("rank-eval-client"), List.of()));

    private static final Pattern JAR = Pattern.compile("^(.+?)-(\\d.*)\\.jar$");

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: Layout LIB_DIR COMPAT_JAR HOME");
            System.exit(2);
        }
        Path lib = Paths.get(args[0]).toAbsolutePath();
        Path compat = Paths.get(args[1]).toAbsolutePath();
        Path home = Paths.get(args[2]).toAbsolutePath();
        try {
            layout(lib, compat, home);
        } catch (IllegalStateException e) {
            System.err.println("layout failed: " + e.getMessage());
            System.exit(1);
        }
    }

    static void layout(Path lib, Path compat, Path home) throws IOException {
        if (!Files.isRegularFile(compat)) throw new IllegalStateException("missing " + compat);
        Map<String, Path> byArtifact = new LinkedHashMap<>();
        Map<String, String> versions = new LinkedHashMap<>();
        try (Stream<Path> s = Files.list(lib)) {
            for (Path p : s.sorted().toList()) {
                Matcher m = JAR.matcher(p.getFileName().toString());
                if (m.matches()) {
                    byArtifact.put(m.group(1), p);
                    versions.put(m.group(1), m.group(2));
                }
            }
        }
        String version = versions.get("opensearch");
        if (version == null) throw new IllegalStateException("no opensearch-<version>.jar in " + lib);

        Path libOut = home.resolve("lib");
        Path modulesOut = home.resolve("modules");
        deleteTree(libOut);
        deleteTree(modulesOut);
        Files.createDirectories(libOut);
        Files.createDirectories(modulesOut);
        Files.createDirectories(home.resolve("plugins"));
        Files.createDirectories(home.resolve("config"));

        Map<String, Path> serverJars = new LinkedHashMap<>(byArtifact);
        for (Module mod : MODULES) {
            Path dir = modulesOut.resolve(mod.name());
            Files.createDirectories(dir);
            for (String a : mod.artifacts()) {
                Path jar = COMPAT.equals(a) ? compat : serverJars.remove(a);
                if (jar == null) throw new IllegalStateException("module " + mod.name() + ": no jar for artifact " + a + " in " + lib);
                place(jar, dir.resolve(jar.getFileName()));
            }
            List<String> props = new ArrayList<>();
            props.add("description=" + mod.description());
            props.add("version=" + version);
            props.add("name=" + mod.name());
            props.add("classname=" + mod.classname());
            props.add("java.version=11");
            props.add("opensearch.version=" + version);
            props.add("extended.plugins=" + String.join(",", mod.extended()));
            props.add("has.native.controller=false");
            Files.write(dir.resolve("plugin-descriptor.properties"), props);
        }
        for (Path jar : serverJars.values()) {
            place(jar, libOut.resolve(jar.getFileName()));
        }
        Files.writeString(home.resolve("VERSION"), version + "\n");
        System.out.println("laid out " + home + ": " + serverJars.size() + " server jars, " + MODULES.size() + " modules, version " + version);
    }

    /** Hard link when possible (same filesystem, no copy), else copy. */
    private static void place(Path src, Path dst) throws IOException {
        try {
            Files.createLink(dst, src);
        } catch (UnsupportedOperationException | FileAlreadyExistsException | SecurityException e) {
            Files.copy(src, dst, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.copy(src, dst, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (Stream<Path> s = Files.walk(p)) {
            s.sorted(Comparator.reverseOrder()).forEach(x -> {
                try {
                    Files.delete(x);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
