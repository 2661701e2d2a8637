package commerce.analysis;

import org.elasticsearch.common.settings.Settings;

import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;

/** The `token_chars` classes of the n-gram tokenizers: letter, digit, whitespace, punctuation, symbol, custom. */
final class TokenChars {
    private TokenChars() {}

    /** null when token_chars is empty: every character belongs to a token. */
    static IntPredicate parse(Settings settings) {
        List<String> classes = settings.getAsList("token_chars");
        if (classes.isEmpty()) return null;
        IntPredicate any = c -> false;
        for (String cls : classes) any = any.or(of(cls.toLowerCase(Locale.ROOT), settings));
        return any;
    }

    private static IntPredicate of(String cls, Settings settings) {
        switch (cls) {
            case "letter": return Character::isLetter;
            case "digit": return Character::isDigit;
            case "whitespace": return Character::isWhitespace;
            case "punctuation": return c -> switch (Character.getType(c)) {
                case Character.START_PUNCTUATION, Character.END_PUNCTUATION, Character.OTHER_PUNCTUATION,
                     Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                     Character.FINAL_QUOTE_PUNCTUATION -> true;
                default -> false;
            };
            case "symbol": return c -> switch (Character.getType(c)) {
                case Character.CURRENCY_SYMBOL, Character.MATH_SYMBOL, Character.OTHER_SYMBOL, Character.MODIFIER_SYMBOL -> true;
                default -> false;
            };
            case "custom": {
                String custom = settings.get("custom_token_chars");
                if (custom == null) throw new IllegalArgumentException("token_chars [custom] requires [custom_token_chars] to be set");
                return c -> custom.indexOf(c) >= 0;
            }
            default:
                throw new IllegalArgumentException("Unknown token type: '" + cls
                    + "', must be one of [letter, digit, whitespace, punctuation, symbol, custom]");
        }
    }
}
