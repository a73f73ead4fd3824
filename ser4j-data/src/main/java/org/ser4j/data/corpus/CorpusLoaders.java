package org.ser4j.data.corpus;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The built-in loaders and the rule that picks one for a file.
 *
 * <p>Priority order of {@link #standard()}: CREMA-D, RAVDESS, SAVEE, TESS, EmoDB, EMOVO, ShEMO, CaFE, JL-Corpus,
 * AESDD, CASIA, then the {@link EmotionFolderLoader folder-per-emotion} fallback. The corpora's namings do not
 * overlap; CASIA, whose labels come from folders and tokens in the name, comes after the corpora named by fixed
 * patterns, and the fallback, which takes any file in a folder named after an emotion, comes last.
 */
public final class CorpusLoaders {

    private CorpusLoaders() {
    }

    /** Every built-in loader in priority order, CREMA-D with its built-in demographics. */
    public static List<CorpusLoader> standard() {
        return standard(CremaDLoader.withBuiltInDemographics());
    }

    /** As {@link #standard()}, with the given CREMA-D loader (e.g. one reading a user's VideoDemographics.csv). */
    public static List<CorpusLoader> standard(CremaDLoader cremaD) {
        Objects.requireNonNull(cremaD, "cremaD");
        return List.of(cremaD, new RavdessLoader(), new SaveeLoader(), new TessLoader(), new EmoDbLoader(),
                new EmovoLoader(), new ShemoLoader(), new CafeLoader(), new JlCorpusLoader(), new AesddLoader(),
                new CasiaLoader(), new EmotionFolderLoader());
    }

    /**
     * Offers the file to each loader in order. The first that parses it, or that refuses it as
     * {@link ParseResult.Invalid} (the file is named like that corpus's, so no later loader may take it), decides.
     *
     * @return that result, or {@link ParseResult.NotThisCorpus} naming the loaders tried
     */
    public static ParseResult parse(List<? extends CorpusLoader> loaders, Path path) {
        Objects.requireNonNull(path, "path");
        for (CorpusLoader loader : loaders) {
            ParseResult result = loader.parse(path);
            if (!(result instanceof ParseResult.NotThisCorpus)) {
                return result;
            }
        }
        return new ParseResult.NotThisCorpus("not named like any known corpus ("
                + String.join(", ", loaders.stream().map(CorpusLoader::corpus).toList())
                + ") and not in a folder named after an emotion");
    }
}
