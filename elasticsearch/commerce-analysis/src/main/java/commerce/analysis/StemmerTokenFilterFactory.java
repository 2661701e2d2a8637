package commerce.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.tartarus.snowball.ext.EnglishStemmer;

import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * `stemmer` token filter, English languages only (the ones our catalog needs), with the same
 * Lucene stemmer per language as Elasticsearch: english = Porter, light_english = KStem,
 * minimal_english, possessive_english, porter2 = Snowball English.
 */
final class StemmerTokenFilterFactory extends AbstractTokenFilterFactory {
    private static final Map<String, UnaryOperator<TokenStream>> LANGUAGES = Map.of(
        "english", PorterStemFilter::new,
        "porter", PorterStemFilter::new,
        "light_english", KStemFilter::new,
        "kstem", KStemFilter::new,
        "minimal_english", EnglishMinimalStemFilter::new,
        "possessive_english", EnglishPossessiveFilter::new,
        "porter2", input -> new SnowballFilter(input, new EnglishStemmer())
    );

    private final UnaryOperator<TokenStream> stemmer;

    StemmerTokenFilterFactory(IndexSettings indexSettings, Environment env, String name, Settings settings) {
        super(name);
        String language = settings.get("language", settings.get("name", "english"));
        this.stemmer = LANGUAGES.get(language);
        if (stemmer == null) {
            throw new IllegalArgumentException("[stemmer] language [" + language + "] is not provided by commerce-analysis; supported: "
                + new java.util.TreeSet<>(LANGUAGES.keySet()));
        }
    }

    @Override
    public TokenStream create(TokenStream input) {
        return stemmer.apply(input);
    }
}
