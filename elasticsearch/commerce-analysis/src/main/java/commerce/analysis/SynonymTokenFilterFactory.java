package commerce.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SynonymFilter;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexService.IndexCreationContext;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.Analysis;
import org.elasticsearch.index.analysis.CharFilterFactory;
import org.elasticsearch.index.analysis.CustomAnalyzer;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;

import java.io.StringReader;
import java.util.List;
import java.util.function.Function;

/**
 * `synonym` and `synonym_graph` token filters, Solr rule format, rules inline (`synonyms`) or from a
 * file under the config directory (`synonyms_path`); `expand` (true) and `lenient` (false). As in
 * Elasticsearch, the rules are analysed with the tokenizer and the filters that precede this one
 * in the analyzer, so the factory is specialised per analyzer chain.
 */
final class SynonymTokenFilterFactory extends AbstractTokenFilterFactory {
    private final List<String> rules;
    private final boolean expand;
    private final boolean lenient;
    private final boolean graph;

    SynonymTokenFilterFactory(IndexSettings indexSettings, Environment env, String name, Settings settings, boolean graph) {
        super(name);
        this.graph = graph;
        this.expand = settings.getAsBoolean("expand", true);
        this.lenient = settings.getAsBoolean("lenient", false);
        String format = settings.get("format", "solr");
        if (!format.equals("solr")) throw unsupported("format [" + format + "]");
        if (settings.get("synonyms_set") != null) throw unsupported("[synonyms_set]");
        if (settings.getAsBoolean("updateable", false)) throw unsupported("[updateable]");
        List<String> words = Analysis.getWordList(env, settings, "synonyms_path", "synonyms", true);
        if (words == null && !settings.keySet().contains("synonyms")) {
            throw new IllegalArgumentException("synonym requires either `synonyms` or `synonyms_path` to be configured");
        }
        this.rules = words == null ? List.of() : words;
    }

    private IllegalArgumentException unsupported(String what) {
        return new IllegalArgumentException(what + " of [" + (graph ? "synonym_graph" : "synonym") + "] is not supported by commerce-analysis");
    }

    @Override
    public TokenStream create(TokenStream input) {
        throw new IllegalStateException("synonym filter [" + name() + "] must be specialised for an analyzer chain first");
    }

    @Override
    public TokenFilterFactory getChainAwareTokenFilterFactory(
        IndexCreationContext context,
        TokenizerFactory tokenizer,
        List<CharFilterFactory> charFilters,
        List<TokenFilterFactory> previousTokenFilters,
        Function<String, TokenFilterFactory> allFilters
    ) {
        Analyzer ruleAnalyzer = new CustomAnalyzer(
            tokenizer,
            charFilters.toArray(new CharFilterFactory[0]),
            previousTokenFilters.stream().map(TokenFilterFactory::getSynonymFilter).toArray(TokenFilterFactory[]::new)
        );
        SynonymMap map = parse(ruleAnalyzer);
        String name = name();
        return new TokenFilterFactory() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public TokenStream create(TokenStream input) {
                if (map.fst == null) return input; // no rules
                return graph ? new SynonymGraphFilter(input, map, false) : new SynonymFilter(input, map, false);
            }

            /** Rules of a later synonym filter are not run through this one. */
            @Override
            public TokenFilterFactory getSynonymFilter() {
                return IDENTITY_FILTER;
            }
        };
    }

    private SynonymMap parse(Analyzer analyzer) {
        try {
            LenientSolrSynonymParser parser = new LenientSolrSynonymParser(expand, lenient, analyzer);
            parser.parse(new StringReader(String.join("\n", rules)));
            return parser.build();
        } catch (Exception e) {
            throw new IllegalArgumentException("failed to build synonyms of [" + name() + "]: " + e.getMessage(), e);
        }
    }
}
