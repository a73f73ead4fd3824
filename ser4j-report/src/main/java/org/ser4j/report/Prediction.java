package org.ser4j.report;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One evaluated clip: what it is, its true label, the predicted label and, when the classifier gives them, the
 * probabilities of every label. The rows of {@code predictions.csv} and the input of {@link EvaluationReport}.
 *
 * @param item          the clip: a file path or an id
 * @param truth         the true label
 * @param predicted     the predicted label
 * @param probabilities one probability per label, in the label order of the evaluation; empty when the
 *                      classifier gives none. Copied in and out.
 * @param speaker       the speaker, when known (leave-one-speaker-out reports group by it)
 * @param corpus        the corpus, when known
 */
public record Prediction(String item, String truth, String predicted, double[] probabilities,
        Optional<String> speaker, Optional<String> corpus) {

    public Prediction {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(truth, "truth");
        Objects.requireNonNull(predicted, "predicted");
        Objects.requireNonNull(probabilities, "probabilities");
        Objects.requireNonNull(speaker, "speaker");
        Objects.requireNonNull(corpus, "corpus");
        probabilities = probabilities.clone();
        for (int i = 0; i < probabilities.length; i++) {
            if (!(probabilities[i] >= 0 && probabilities[i] <= 1)) {
                throw new IllegalArgumentException("probability " + i + " of '" + item + "' must lie in [0, 1], found "
                        + probabilities[i]);
            }
        }
    }

    /** A prediction with probabilities and no speaker or corpus. */
    public Prediction(String item, String truth, String predicted, double[] probabilities) {
        this(item, truth, predicted, probabilities, Optional.empty(), Optional.empty());
    }

    /** A prediction without probabilities (a classifier that only names a label). */
    public static Prediction of(String item, String truth, String predicted) {
        return new Prediction(item, truth, predicted, new double[0]);
    }

    /** This prediction with its speaker. */
    public Prediction withSpeaker(String newSpeaker) {
        return new Prediction(item, truth, predicted, probabilities, Optional.of(newSpeaker), corpus);
    }

    /** This prediction with its corpus. */
    public Prediction withCorpus(String newCorpus) {
        return new Prediction(item, truth, predicted, probabilities, speaker, Optional.of(newCorpus));
    }

    /** Whether the predicted label is the true one. */
    public boolean correct() {
        return truth.equals(predicted);
    }

    /** Whether the classifier gave probabilities. */
    public boolean hasProbabilities() {
        return probabilities.length > 0;
    }

    @Override
    public double[] probabilities() {
        return probabilities.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Prediction p && item.equals(p.item) && truth.equals(p.truth)
                && predicted.equals(p.predicted) && Arrays.equals(probabilities, p.probabilities)
                && speaker.equals(p.speaker) && corpus.equals(p.corpus);
    }

    @Override
    public int hashCode() {
        return Objects.hash(item, truth, predicted, Arrays.hashCode(probabilities), speaker, corpus);
    }

    @Override
    public String toString() {
        return "Prediction[item=" + item + ", truth=" + truth + ", predicted=" + predicted + ", probabilities="
                + Arrays.toString(probabilities) + ", speaker=" + speaker + ", corpus=" + corpus + "]";
    }
}
