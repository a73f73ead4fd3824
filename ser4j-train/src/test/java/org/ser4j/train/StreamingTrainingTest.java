package org.ser4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.ser4j.core.features.FeatureConfig;
import org.ser4j.core.features.FeatureSet;
import org.ser4j.model.Normalisation;

class StreamingTrainingTest {

    private static final LabelledFeatures TRAIN = Synthetic.clusters(new int[] {150, 150, 150, 150}, 0.5, 1, 2);
    private static final LabelledFeatures VALIDATION = Synthetic.clusters(new int[] {50, 50, 50, 50}, 0.5, 1, 3);
    private static final InputLayout VECTOR = InputLayout.of(FeatureSet.SEED162, FeatureConfig.defaults(),
            Synthetic.DIMS);

    /** Rows in a fresh order every epoch, cut into chunks of {@code size} rows, made only when asked for. */
    private static TrainingSource chunked(LabelledFeatures set, int size) {
        return epoch -> new Iterator<>() {
            private final int[] order = permutation(set.size(), new Random(100 + epoch));
            private int from;

            @Override
            public boolean hasNext() {
                return from < order.length;
            }

            @Override
            public LabelledFeatures next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int n = Math.min(size, order.length - from);
                float[][] x = new float[n][];
                int[] y = new int[n];
                for (int i = 0; i < n; i++) {
                    x[i] = set.featuresView()[order[from + i]];
                    y[i] = set.labelsView()[order[from + i]];
                }
                from += n;
                return new LabelledFeatures(x, y);
            }
        };
    }

    private static int[] permutation(int n, Random r) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    private static TrainingStream stream(TrainingSource source, LabelledFeatures set) {
        FeatureMoments m = new FeatureMoments(VECTOR);
        long[] counts = new long[Synthetic.LABELS.size()];
        for (int i = 0; i < set.size(); i++) {
            m.accept(set.featuresView()[i]);
            counts[set.labelsView()[i]]++;
        }
        return new TrainingStream(source, m.normalisation(), counts);
    }

    @Test
    void streamingSmallChunksLearnsTheClustersAsWellAsTrainingInMemory() {
        TrainingOptions o = TrainingOptions.DEFAULTS.withEpochs(5);
        TrainingResult memory = new NetworkTrainer(Architecture.MLP, Map.of(), o).train(Synthetic.LABELS, TRAIN,
                Optional.of(VALIDATION), Synthetic.description());
        TrainingResult streamed = new NetworkTrainer(Architecture.MLP, Map.of(), o).train(Synthetic.LABELS,
                stream(chunked(TRAIN, 37), TRAIN), Optional.of(VALIDATION), Synthetic.description(),
                TrainingListener.NONE);
        double a = memory.epochs().get(memory.bestEpoch()).validationUa();
        double b = streamed.epochs().get(streamed.bestEpoch()).validationUa();
        assertTrue(b > 0.9, "streamed validation UA " + b);
        assertTrue(Math.abs(a - b) < 0.05, "in memory " + a + ", streamed " + b);
        assertEquals(b, streamed.bundle().card().metrics().get("validation_ua"));
    }

    @Test
    void oneChunkWithTheFittedNormalisationIsExactlyTheInMemoryTraining() {
        TrainingOptions o = TrainingOptions.builder().optEpochs(2).optSeed(9).optMixupAlpha(0.2f).build();
        TrainingResult memory = new NetworkTrainer(Architecture.MLP, Map.of(), o).train(Synthetic.LABELS, TRAIN,
                Optional.empty(), Synthetic.description());
        TrainingResult streamed = new NetworkTrainer(Architecture.MLP, Map.of(), o).train(Synthetic.LABELS,
                stream(TrainingSource.inMemory(TRAIN), TRAIN), Optional.empty(), Synthetic.description(),
                TrainingListener.NONE);
        assertArrayEquals(memory.bundle().weights(), streamed.bundle().weights());
        assertEquals(memory.bundle().card().normalisation(), streamed.bundle().card().normalisation());
    }

    @Test
    void batchesSpanChunksSoAnEpochHasTheSameBatchesHoweverTheSourceCutsIt() {
        // 600 rows in batches of 64: 9 full batches and one of 24, whether chunks hold 10 rows or all of them.
        List<Integer> sizes = new ArrayList<>();
        TrainingListener count = new TrainingListener() {
            @Override
            public void batchDone(int epoch, int batch, int batches) {
                sizes.add(batches);
            }
        };
        new NetworkTrainer(Architecture.MLP, Map.of(), TrainingOptions.DEFAULTS.withEpochs(2)).train(
                Synthetic.LABELS, stream(chunked(TRAIN, 10), TRAIN), Optional.empty(), Synthetic.description(), count);
        assertEquals(2 * 10, sizes.size());
        assertTrue(sizes.stream().allMatch(n -> n == 10), sizes.toString());
    }

    @Test
    void aSourceThatLosesRowsIsAnIllegalStateException() {
        LabelledFeatures fewer = Synthetic.clusters(new int[] {100, 150, 150, 150}, 0.5, 1, 2);
        TrainingStream all = stream(chunked(TRAIN, 100), TRAIN);
        TrainingStream lying = new TrainingStream(chunked(fewer, 100), all.normalisation(), all.classCounts());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new NetworkTrainer(
                Architecture.MLP, Map.of(), TrainingOptions.DEFAULTS.withEpochs(1)).train(Synthetic.LABELS, lying,
                Optional.empty(), Synthetic.description(), TrainingListener.NONE));
        assertTrue(e.getMessage().contains("550") && e.getMessage().contains("600"), e.getMessage());
    }

    @Test
    void classCountsMustMatchTheLabels() {
        TrainingStream s = stream(chunked(TRAIN, 100), TRAIN);
        TrainingStream three = new TrainingStream(s.source(), s.normalisation(), new long[] {150, 150, 300});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new NetworkTrainer(
                Architecture.MLP, Map.of(), TrainingOptions.DEFAULTS).train(Synthetic.LABELS, three,
                Optional.empty(), Synthetic.description(), TrainingListener.NONE));
        assertTrue(e.getMessage().contains("(4), got 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TrainingStream(s.source(), s.normalisation(),
                new long[] {0, 0}));
    }

    @Test
    void momentsCombinedOverPartsAreTheNaiveMeanAndPopulationStandardDeviation() {
        FeatureMoments left = new FeatureMoments(VECTOR);
        FeatureMoments right = new FeatureMoments(VECTOR);
        float[][] x = TRAIN.featuresView();
        for (int i = 0; i < x.length; i++) {
            (i < 200 ? left : right).accept(x[i]);
        }
        Normalisation n = left.combine(right).normalisation();
        assertEquals(x.length, left.rows());
        for (int j = 0; j < Synthetic.DIMS; j += 23) {
            double mean = 0;
            for (float[] row : x) {
                mean += row[j];
            }
            mean /= x.length;
            double var = 0;
            for (float[] row : x) {
                var += (row[j] - mean) * (row[j] - mean);
            }
            assertEquals(mean, n.mean()[j], 1e-4);
            assertEquals(Math.sqrt(var / x.length), n.scale()[j], 1e-4);
        }
    }

    @Test
    void momentsOfAConstantDimensionHaveScaleOneAndNoRowsIsAnError() {
        FeatureMoments m = new FeatureMoments(new InputLayout(InputLayout.Kind.VECTOR, 2, 1));
        assertThrows(IllegalStateException.class, m::normalisation);
        m.accept(new float[] {3, 1}).accept(new float[] {3, 2});
        assertArrayEquals(new float[] {3, 1.5f}, m.normalisation().mean());
        assertArrayEquals(new float[] {1, 0.5f}, m.normalisation().scale());
        assertThrows(IllegalArgumentException.class, () -> m.accept(new float[3]));
    }
}
