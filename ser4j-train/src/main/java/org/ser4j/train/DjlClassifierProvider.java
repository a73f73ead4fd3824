package org.ser4j.train;

import org.ser4j.model.Classifier;
import org.ser4j.model.ClassifierProvider;
import org.ser4j.model.ModelBundle;
import org.ser4j.model.ModelFormatException;

/**
 * The DJL/PyTorch engine behind {@link org.ser4j.model.Classifiers#load}: runs every {@link Architecture} in the
 * weights format {@value NetworkTrainer#WEIGHTS_FORMAT} through {@link BundleClassifier}. It asks last (priority
 * 100) because its native library takes seconds to load: ser4j-model's pure-Java engine takes the MLPs over
 * feature vectors first.
 */
public final class DjlClassifierProvider implements ClassifierProvider {

    /** {@code "djl-pytorch"}. */
    @Override
    public String name() {
        return "djl-pytorch";
    }

    /** 100: after the pure-Java engine. */
    @Override
    public int priority() {
        return 100;
    }

    /** Every architecture ser4j trains, with weights as {@link NetworkTrainer} writes them. */
    @Override
    public boolean supports(ModelBundle bundle) {
        if (!NetworkTrainer.WEIGHTS_FORMAT.equals(bundle.weightsFormat())) {
            return false;
        }
        try {
            Architecture.forCardName(bundle.card().architecture());
            return true;
        } catch (ModelFormatException e) {
            return false;
        }
    }

    /**
     * Rebuilds the network and loads its weights into PyTorch.
     *
     * @throws ModelFormatException if the architecture is unknown or the weights do not fit it
     */
    @Override
    public Classifier load(ModelBundle bundle) throws ModelFormatException {
        return BundleClassifier.load(bundle);
    }
}
