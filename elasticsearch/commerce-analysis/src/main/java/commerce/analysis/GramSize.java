package commerce.analysis;

import org.elasticsearch.common.settings.Settings;

/** `min_gram` / `max_gram` of the edge n-gram tokenizer and filter (defaults 1 and 2, as documented). */
record GramSize(int min, int max) {
    static GramSize of(Settings settings) {
        int min = settings.getAsInt("min_gram", 1);
        int max = settings.getAsInt("max_gram", 2);
        if (min < 1 || max < min) throw new IllegalArgumentException("[min_gram] must be >= 1 and <= [max_gram], got [" + min + "] and [" + max + "]");
        return new GramSize(min, max);
    }
}
