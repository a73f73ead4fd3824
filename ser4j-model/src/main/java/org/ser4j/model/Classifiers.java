package org.ser4j.model;

import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/** Loads a {@link ModelBundle} with the first installed {@link ClassifierProvider} that runs it. */
public final class Classifiers {

    private Classifiers() {
    }

    /**
     * The installed engines, in the order they are asked.
     *
     * @param loader where to look for providers
     */
    public static List<ClassifierProvider> providers(ClassLoader loader) {
        return ServiceLoader.load(ClassifierProvider.class, loader).stream()
                .map(ServiceLoader.Provider::get)
                .sorted(Comparator.comparingInt(ClassifierProvider::priority).thenComparing(ClassifierProvider::name))
                .toList();
    }

    /**
     * Loads a bundle with the providers visible to this class's loader.
     *
     * @throws ModelFormatException if no installed engine runs the bundle (the message names the architecture and
     *                              the engines found), or its weights do not fit
     */
    public static Classifier load(ModelBundle bundle) throws ModelFormatException {
        return load(bundle, Classifiers.class.getClassLoader());
    }

    /**
     * Loads a bundle with the providers visible to {@code loader}.
     *
     * @throws ModelFormatException if no installed engine runs the bundle, or its weights do not fit
     */
    public static Classifier load(ModelBundle bundle, ClassLoader loader) throws ModelFormatException {
        if (bundle == null) {
            throw new IllegalArgumentException("bundle must not be null");
        }
        List<ClassifierProvider> providers = providers(loader);
        for (ClassifierProvider provider : providers) {
            if (provider.supports(bundle)) {
                return provider.load(bundle);
            }
        }
        throw new ModelFormatException("no installed engine runs a '" + bundle.card().architecture()
                + "' model with weights in format '" + bundle.weightsFormat() + "' (engines found: "
                + (providers.isEmpty() ? "none" : providers.stream().map(ClassifierProvider::name).toList())
                + "); networks other than the MLP need org.ser4j:ser4j-train (DJL) on the class path");
    }
}
