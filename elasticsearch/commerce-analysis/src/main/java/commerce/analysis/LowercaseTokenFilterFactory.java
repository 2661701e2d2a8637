package commerce.analysis;

import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.el.GreekLowerCaseFilter;
import org.apache.lucene.analysis.ga.IrishLowerCaseFilter;
import org.apache.lucene.analysis.tr.TurkishLowerCaseFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.NormalizingTokenFilterFactory;

/** Configurable `lowercase` token filter: language greek, irish or turkish, else Unicode lower-casing. */
final class LowercaseTokenFilterFactory extends AbstractTokenFilterFactory implements NormalizingTokenFilterFactory {
    private final String language;

    LowercaseTokenFilterFactory(IndexSettings indexSettings, Environment env, String name, Settings settings) {
        super(name);
        this.language = settings.get("language");
        if (language != null && !language.matches("greek|irish|turkish")) {
            throw new IllegalArgumentException("[lowercase] language [" + language + "] is not supported; use greek, irish or turkish");
        }
    }

    @Override
    public TokenStream create(TokenStream input) {
        if (language == null) return new LowerCaseFilter(input);
        return switch (language) {
            case "greek" -> new GreekLowerCaseFilter(input);
            case "irish" -> new IrishLowerCaseFilter(input);
            default -> new TurkishLowerCaseFilter(input);
        };
    }
}
