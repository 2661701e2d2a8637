package commerce.analysis;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenizer;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenizerFactory;

import java.util.function.IntPredicate;

/** `edge_ngram` tokenizer: min_gram (1), max_gram (2), token_chars, custom_token_chars. */
final class EdgeNGramTokenizerFactory extends AbstractTokenizerFactory {
    private final GramSize grams;
    private final IntPredicate tokenChar;

    EdgeNGramTokenizerFactory(IndexSettings indexSettings, Environment env, String name, Settings settings) {
        super(name);
        this.grams = GramSize.of(settings);
        this.tokenChar = TokenChars.parse(settings);
    }

    @Override
    public Tokenizer create() {
        if (tokenChar == null) return new EdgeNGramTokenizer(grams.min(), grams.max());
        return new EdgeNGramTokenizer(grams.min(), grams.max()) {
            @Override
            protected boolean isTokenChar(int chr) {
                return tokenChar.test(chr);
            }
        };
    }
}
