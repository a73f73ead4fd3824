/**
 * Data augmentation for training: random, seeded transformations of a clip ({@link
 * org.ser4j.core.augment.Augmentations}, one static primitive per {@link org.ser4j.core.augment.AugmentationKind})
 * and a policy that says which to combine into each augmented copy ({@link
 * org.ser4j.core.augment.AugmentationPolicy}), written as a spec string that model cards record.
 */
package org.ser4j.core.augment;
