package commerce.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;

import java.io.IOException;

/**
 * Solr-format parser with Elasticsearch's `lenient` option: a term the analyzer chain removes (a
 * stop word, say) drops that mapping instead of failing the whole index.
 */
final class LenientSolrSynonymParser extends SolrSynonymParser {
    private final boolean lenient;

    LenientSolrSynonymParser(boolean expand, boolean lenient, Analyzer analyzer) {
        super(true, expand, analyzer);
        this.lenient = lenient;
    }

    @Override
    public void add(CharsRef input, CharsRef output, boolean includeOrig) {
        if (lenient && (input.length == 0 || output.length == 0)) return;
        super.add(input, output, includeOrig);
    }

    @Override
    public CharsRef analyze(String text, CharsRefBuilder reuse) throws IOException {
        try {
            return super.analyze(text, reuse);
        } catch (IllegalArgumentException e) {
            if (!lenient) throw e;
            reuse.clear();
            return reuse.get();
        }
    }
}
