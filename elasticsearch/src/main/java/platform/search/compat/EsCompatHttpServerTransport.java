package platform.search.compat;

import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;

import org.opensearch.common.network.NetworkService;
import org.opensearch.common.settings.ClusterSettings;
import org.opensearch.common.settings.Settings;
import org.opensearch.common.util.BigArrays;
import org.opensearch.core.xcontent.NamedXContentRegistry;
import org.opensearch.http.netty4.Netty4HttpServerTransport;
import org.opensearch.telemetry.tracing.Tracer;
import org.opensearch.threadpool.ThreadPool;
import org.opensearch.transport.SharedGroupFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Netty 4 HTTP transport with a thin compatibility layer for the official Elasticsearch 8 clients
 * (e.g. the {@code @elastic/elasticsearch} 8.x Node client), which
 * <ul>
 *   <li>send {@code Content-Type}/{@code Accept: application/vnd.elasticsearch+json; compatible-with=8}
 *       (and {@code +x-ndjson} for bulk): rewritten here to {@code application/json} /
 *       {@code application/x-ndjson} before the request reaches the REST layer;</li>
 *   <li>refuse any 2xx response without {@code X-Elastic-Product: Elasticsearch} (the client's
 *       "product check"): added here to every response.</li>
 * </ul>
 * Nothing else is touched: request bodies, REST handlers and response bodies are the server's own.
 */
public class EsCompatHttpServerTransport extends Netty4HttpServerTransport {

    static final String PRODUCT_HEADER = "X-Elastic-Product";
    static final String PRODUCT = "Elasticsearch";

    public EsCompatHttpServerTransport(
        Settings settings,
        NetworkService networkService,
        BigArrays bigArrays,
        ThreadPool threadPool,
        NamedXContentRegistry xContentRegistry,
        Dispatcher dispatcher,
        ClusterSettings clusterSettings,
        SharedGroupFactory sharedGroupFactory,
        Tracer tracer
    ) {
        super(settings, networkService, bigArrays, threadPool, xContentRegistry, dispatcher, clusterSettings, sharedGroupFactory, tracer);
    }

    @Override
    public ChannelHandler configureServerChannelHandler() {
        return new HttpChannelHandler(this, handlingSettings) {
            @Override
            protected void initChannel(Channel ch) throws Exception {
                super.initChannel(ch);
                // after the decoder/aggregator (sees whole requests), before the response encoder
                if (ch.pipeline().get("request_creator") != null) {
                    ch.pipeline().addBefore("request_creator", "es_compat", new CompatHandler());
                } else {
                    ch.pipeline().addLast("es_compat", new CompatHandler());
                }
            }
        };
    }

    static final class CompatHandler extends ChannelDuplexHandler {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
            if (msg instanceof HttpRequest request) {
                HttpHeaders headers = request.headers();
                rewrite(headers, HttpHeaderNames.CONTENT_TYPE);
                rewrite(headers, HttpHeaderNames.ACCEPT);
            }
            super.channelRead(ctx, msg);
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
            if (msg instanceof HttpResponse response) {
                response.headers().set(PRODUCT_HEADER, PRODUCT);
            }
            super.write(ctx, msg, promise);
        }

        private static void rewrite(HttpHeaders headers, CharSequence name) {
            String value = headers.get(name);
            if (value != null && value.toLowerCase(Locale.ROOT).contains("vnd.elasticsearch+")) {
                headers.set(name, toStandardMediaTypes(value));
            }
        }
    }

    /** {@code application/vnd.elasticsearch+json; compatible-with=8,text/plain} -> {@code application/json,text/plain} */
    static String toStandardMediaTypes(String value) {
        List<String> out = new ArrayList<>();
        for (String part : value.split(",")) {
            List<String> kept = new ArrayList<>();
            for (String piece : part.split(";")) {
                String p = piece.trim();
                if (p.isEmpty() || p.toLowerCase(Locale.ROOT).startsWith("compatible-with")) continue;
                kept.add(p.replaceFirst("(?i)^application/vnd\\.elasticsearch\\+", "application/"));
            }
            if (!kept.isEmpty()) out.add(String.join("; ", kept));
        }
        return String.join(",", out);
    }
}
