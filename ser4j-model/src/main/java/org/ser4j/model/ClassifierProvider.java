package org.ser4j.model;

/**
 * Service-provider interface of the engines that run model bundles, found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/org.ser4j.model.ClassifierProvider}). {@link Classifiers#load} asks them in order of
 * {@link #priority()} and uses the first that {@link #supports} the bundle, so a light pure-Java engine can take
 * the models it runs and leave the others to a deep-learning engine.
 */
public interface ClassifierProvider {

    /** A short name for messages, such as {@code "java-dense"} or {@code "djl-pytorch"}. */
    String name();

    /** Lower runs first; ser4j's own Java engine is 0, DJL 100. */
    int priority();

    /** Whether this engine runs the bundle's architecture and weights format. Must not throw. */
    boolean supports(ModelBundle bundle);

    /**
     * Loads the bundle.
     *
     * @throws ModelFormatException if the weights do not fit the network the card describes
     */
    Classifier load(ModelBundle bundle) throws ModelFormatException;
}
