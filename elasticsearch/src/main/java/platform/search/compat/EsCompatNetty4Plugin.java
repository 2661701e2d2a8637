package platform.search.compat;

import org.opensearch.common.network.NetworkService;
import org.opensearch.common.settings.ClusterSettings;
import org.opensearch.common.settings.Settings;
import org.opensearch.common.util.BigArrays;
import org.opensearch.common.util.PageCacheRecycler;
import org.opensearch.core.indices.breaker.CircuitBreakerService;
import org.opensearch.core.xcontent.NamedXContentRegistry;
import org.opensearch.http.HttpServerTransport;
import org.opensearch.telemetry.tracing.Tracer;
import org.opensearch.threadpool.ThreadPool;
import org.opensearch.transport.Netty4Plugin;
import org.opensearch.transport.SharedGroupFactory;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The stock Netty 4 module plus one extra HTTP transport type, {@value #HTTP_TYPE}, that lets the
 * official Elasticsearch 8 clients talk to this node (see {@link EsCompatHttpServerTransport}).
 * Everything else (transport layer, the stock "netty4" HTTP type) is inherited unchanged.
 */
public class EsCompatNetty4Plugin extends Netty4Plugin {

    public static final String HTTP_TYPE = "netty4-es-compat";

    private SharedGroupFactory groupFactory;

    private synchronized SharedGroupFactory groupFactory(Settings settings) {
        if (groupFactory == null) {
            groupFactory = new SharedGroupFactory(settings);
        }
        return groupFactory;
    }

    @Override
    public Map<String, Supplier<HttpServerTransport>> getHttpTransports(
        Settings settings,
        ThreadPool threadPool,
        BigArrays bigArrays,
        PageCacheRecycler pageCacheRecycler,
        CircuitBreakerService circuitBreakerService,
        NamedXContentRegistry xContentRegistry,
        NetworkService networkService,
        HttpServerTransport.Dispatcher dispatcher,
        ClusterSettings clusterSettings,
        Tracer tracer
    ) {
        Map<String, Supplier<HttpServerTransport>> transports = new HashMap<>(
            super.getHttpTransports(settings, threadPool, bigArrays, pageCacheRecycler, circuitBreakerService,
                xContentRegistry, networkService, dispatcher, clusterSettings, tracer));
        transports.put(HTTP_TYPE, () -> new EsCompatHttpServerTransport(settings, networkService, bigArrays, threadPool,
            xContentRegistry, dispatcher, clusterSettings, groupFactory(settings), tracer));
        return transports;
    }
}
