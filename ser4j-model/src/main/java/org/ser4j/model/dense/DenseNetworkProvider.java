package org.ser4j.model.dense;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.ser4j.core.features.FeatureSet;
import org.ser4j.model.Classifier;
import org.ser4j.model.ClassifierProvider;
import org.ser4j.model.ModelBundle;
import org.ser4j.model.ModelCard;
import org.ser4j.model.ModelFormatException;

/**
 * ser4j's own engine: runs "mlp" bundles over per-clip feature vectors in plain Java, with no DL engine, no native
 * library and no start-up cost beyond reading the weights. It reads the weights DJL wrote
 * ({@value #WEIGHTS_FORMAT}) and asks first (priority 0), so that the DJL engine only loads for the networks
 * this one does not run: convolutional and recurrent ones, and MLPs over frame sequences (those need the crop
 * and pad of ser4j-train's input layout).
 */
public final class DenseNetworkProvider implements ClassifierProvider {

    /**
     * The weights format it reads, the one ser4j-train's {@code NetworkTrainer.WEIGHTS_FORMAT} writes. Repeated
     * here because ser4j-model must not depend on ser4j-train (that would pull in DJL and its native library, the
     * very thing this engine avoids); ser4j-train's tests check that the two agree.
     */
    public static final String WEIGHTS_FORMAT = "djl-pytorch-parameters";

    /** The architecture's name in model cards. */
    public static final String ARCHITECTURE = "mlp";

    /**
     * The feature sets with one value vector per clip. Listed rather than derived so that a frame set added later
     * goes to DJL (which crops and pads it) until this engine is taught about it.
     */
    private static final Set<FeatureSet> VECTOR_SETS = EnumSet.of(FeatureSet.SEED162, FeatureSet.FUNCTIONALS);

    /** {@code "java-dense"}. */
    @Override
    public String name() {
        return "java-dense";
    }

    /** 0: asked before DJL. */
    @Override
    public int priority() {
        return 0;
    }

    /** MLP bundles in the DJL weights format over a vector feature set. */
    @Override
    public boolean supports(ModelBundle bundle) {
        ModelCard card = bundle.card();
        return ARCHITECTURE.equals(card.architecture().toLowerCase(Locale.ROOT))
                && WEIGHTS_FORMAT.equals(bundle.weightsFormat())
                && VECTOR_SETS.contains(card.featureSet());
    }

    /**
     * Reads the weights against the network the card describes.
     *
     * @throws ModelFormatException if the bundle is not one this engine supports, its card lacks the MLP's sizes,
     *                              or the weights are not exactly that network's
     */
    @Override
    public Classifier load(ModelBundle bundle) throws ModelFormatException {
        if (!supports(bundle)) {
            throw new ModelFormatException("the java-dense engine runs '" + ARCHITECTURE + "' models in format '"
                    + WEIGHTS_FORMAT + "' over " + VECTOR_SETS + " features; this one is '"
                    + bundle.card().architecture() + "' in '" + bundle.weightsFormat() + "' over "
                    + bundle.card().featureSet());
        }
        MlpShape shape = MlpShape.of(bundle.card());
        return new DenseClassifier(bundle.card(), DjlParameterReader.read(bundle.weights(), shape));
    }
}
