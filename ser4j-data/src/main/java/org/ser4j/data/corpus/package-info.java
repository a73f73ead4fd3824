/**
 * Corpus loaders: one {@link org.ser4j.data.corpus.CorpusLoader} per public emotional-speech corpus (CREMA-D,
 * RAVDESS, SAVEE, TESS, EmoDB, EMOVO, ShEMO, CaFE, JL-Corpus, AESDD, CASIA) and a folder-per-emotion fallback for
 * users' own data. Each turns one file path into a {@link org.ser4j.data.Clip} or says why not
 * ({@link org.ser4j.data.corpus.ParseResult}); {@link org.ser4j.data.corpus.CorpusLoaders} fixes the order in
 * which a scan tries them.
 */
package org.ser4j.data.corpus;
