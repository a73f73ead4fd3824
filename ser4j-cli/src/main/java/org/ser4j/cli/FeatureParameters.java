package org.ser4j.cli;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.ser4j.core.features.FeatureConfig;

/** Feature parameters by librosa's names ({@code n_fft=512}), as {@code --feature-param} and experiment files give them. */
final class FeatureParameters {

    static final Set<String> KEYS = new TreeSet<>(Set.of("n_fft", "hop_length", "n_mels", "n_mfcc", "fmin", "fmax",
            "top_db", "frame_length", "frame_hop", "image_frames"));

    private FeatureParameters() {
    }

    /**
     * librosa's defaults with these overrides.
     *
     * @throws IllegalArgumentException for an unknown key or a bad value
     */
    static FeatureConfig config(Map<String, String> params) {
        FeatureConfig.Builder b = FeatureConfig.builder();
        for (Map.Entry<String, String> e : params.entrySet()) {
            String k = e.getKey().trim();
            String v = e.getValue().trim();
            try {
                switch (k) {
                    case "n_fft" -> b.optNFft(Integer.parseInt(v));
                    case "hop_length" -> b.optHopLength(Integer.parseInt(v));
                    case "n_mels" -> b.optNMels(Integer.parseInt(v));
                    case "n_mfcc" -> b.optNMfcc(Integer.parseInt(v));
                    case "fmin" -> b.optFMin(Double.parseDouble(v));
                    case "fmax" -> b.optFMax(Double.parseDouble(v));
                    case "top_db" -> b.optTopDb(Double.parseDouble(v));
                    case "frame_length" -> b.optFrameLength(Integer.parseInt(v));
                    case "frame_hop" -> b.optFrameHop(Integer.parseInt(v));
                    case "image_frames" -> b.optImageFrames(Integer.parseInt(v));
                    default -> throw new IllegalArgumentException("unknown feature parameter '" + k + "'; known: "
                            + String.join(", ", KEYS));
                }
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException("feature parameter '" + k + "' must be a number, was '" + v + "'",
                        ex);
            }
        }
        return b.build();
    }
}
