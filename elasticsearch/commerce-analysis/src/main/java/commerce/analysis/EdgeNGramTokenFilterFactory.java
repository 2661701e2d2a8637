package commerce.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;

/** `edge_ngram` token filter: min_gram (1), max_gram (2), preserve_original (false). */
final class EdgeNGramTokenFilterFactory extends AbstractTokenFilterFactory {
    private final GramSize grams;
    private final boolean preserveOriginal;

    EdgeNGramTokenFilterFactory(IndexSettings indexSettings, Environment env, String name, Settings settings) {
        super(name);
        this.grams = GramSize.of(settings);
        this.preserveOriginal = settings.getAsBoolean("preserve_original", false);
        String side = settings.get("side", "front");
        if (!side.equals("front")) throw new IllegalArgumentException("[side] of [edge_ngram] must be [front]: [" + side + "] is not supported");
    }

    @Override
    public TokenStream create(TokenStream input) {
        return new EdgeNGramTokenFilter(input, grams.min(), grams.max(), preserveOriginal);
    }

    @Override
    public boolean breaksFastVectorHighlighter() {
        return true;
    }
}
