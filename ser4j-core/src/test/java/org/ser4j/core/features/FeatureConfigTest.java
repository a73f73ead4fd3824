package org.ser4j.core.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.ser4j.core.dsp.MelNorm;
import org.ser4j.core.dsp.MelScale;

class FeatureConfigTest {

    @Test
    void defaultsAreLibrosas() {
        FeatureConfig c = FeatureConfig.defaults();
        assertEquals(2048, c.nFft());
        assertEquals(512, c.hopLength());
        assertEquals(128, c.nMels());
        assertEquals(0.0, c.fMin());
        assertTrue(c.fMax().isEmpty());
        assertEquals(8000.0, c.fMaxFor(16000));
        assertEquals(MelScale.SLANEY, c.melScale());
        assertEquals(MelNorm.SLANEY, c.melNorm());
        assertEquals(1.0, c.ref());
        assertEquals(1e-10, c.amin());
        assertEquals(OptionalDouble.of(80.0), c.topDb());
        assertEquals(20, c.nMfcc());
        assertEquals(12, c.nChroma());
        assertEquals(2048, c.frameLength());
        assertEquals(512, c.frameHop());
        assertEquals(1e-10, c.zcrThreshold());
        assertEquals(128, c.imageFrames());
    }

    @Test
    void builderChangesOnlyWhatItIsTold() {
        FeatureConfig c = FeatureConfig.builder().optNMels(64).optNoTopDb().optFMax(4000).build();
        assertEquals(64, c.nMels());
        assertTrue(c.topDb().isEmpty());
        assertEquals(4000.0, c.fMaxFor(16000));
        assertEquals(2048, c.nFft());
        assertEquals(FeatureConfig.defaults(), c.toBuilder().optNMels(128).optTopDb(80).optFMaxAtNyquist().build());
    }

    @Test
    void rejectsInconsistentSettingsNamingThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FeatureConfig.builder().optNMels(16).build());
        assertTrue(e.getMessage().contains("n_mfcc"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FeatureConfig.builder().optNFft(1023).build());
        assertThrows(IllegalArgumentException.class, () -> FeatureConfig.builder().optTopDb(-1).build());
        assertThrows(IllegalArgumentException.class, () -> FeatureConfig.builder().optAmin(0).build());
        assertThrows(IllegalArgumentException.class, () -> FeatureConfig.builder().optFMin(100).optFMax(50).build());
        assertThrows(IllegalArgumentException.class, () -> FeatureConfig.builder().optImageFrames(0).build());
        assertThrows(IllegalArgumentException.class, () -> FeatureConfig.builder().optMelNorm(null).build());
    }
}
