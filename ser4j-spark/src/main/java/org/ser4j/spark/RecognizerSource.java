package org.ser4j.spark;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.broadcast.Broadcast;
import org.ser4j.model.ModelBundles;
import org.ser4j.model.ModelFormatException;
import org.ser4j.recognizer.EmotionRecognizer;
import org.ser4j.recognizer.RecognizerConfig;

/**
 * Where executors get their recogniser: the bundled default model, or a bundle's bytes shipped once per executor
 * as a broadcast (so a model on HDFS needs no file system access on the executors). Each JVM builds one recogniser
 * per source, on first use, and keeps it for its lifetime: an executor's tasks, run by its threads at once, share
 * it (EmotionRecognizer is thread-safe), and later jobs of the same JVM reuse it.
 *
 * @param key    identifies model and settings: the model's name and content hash, and the configuration
 * @param source names the model in messages
 * @param bundle the bundle's bytes, null for the bundled default model
 * @param settings the recogniser's settings, as {@link RecognizerConfig}'s fields (it is not serialisable)
 */
record RecognizerSource(String key, String source, Broadcast<byte[]> bundle, double[] settings)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One recogniser per source and JVM, never closed: it lives as long as the executor. */
    private static final Map<String, EmotionRecognizer> LOADED = new ConcurrentHashMap<>();

    /** A source for a configuration; the key gains the configuration. */
    static RecognizerSource of(String modelKey, String source, Broadcast<byte[]> bundle, RecognizerConfig config) {
        return new RecognizerSource(modelKey + "|" + config, source, bundle, new double[] {config.windowSeconds(),
            config.hopSeconds(), config.minConfidence(), config.mergeAgreeing() ? 1 : 0});
    }

    /** The settings. */
    RecognizerConfig config() {
        return RecognizerConfig.builder().optWindowSeconds(settings[0]).optHopSeconds(settings[1])
                .optMinConfidence(settings[2]).optMergeAgreeing(settings[3] != 0).build();
    }

    /** This JVM's recogniser for this source, built on first use. */
    EmotionRecognizer recognizer() {
        return LOADED.computeIfAbsent(key, k -> {
            try {
                EmotionRecognizer.Builder b = EmotionRecognizer.builder().optConfig(config());
                if (bundle != null) {
                    b.optBundle(ModelBundles.read(new ByteArrayInputStream(bundle.value()), source));
                }
                return b.build();
            } catch (IOException | ModelFormatException e) {
                // The driver read this model before the job started, so only a broken executor gets here.
                throw new IllegalStateException("cannot load the model " + source + " on this executor: "
                        + e.getMessage(), e);
            }
        });
    }
}
