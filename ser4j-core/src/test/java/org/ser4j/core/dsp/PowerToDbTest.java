package org.ser4j.core.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class PowerToDbTest {

    private static FloatMatrix row(float... v) {
        return new FloatMatrix(1, v.length, v);
    }

    @Test
    void tenLog10OfPowerRelativeToRef() {
        PowerToDb db = new PowerToDb(1.0, 1e-10, OptionalDouble.empty());
        assertArrayEquals(new float[] {0f, 10f, -20f, -60f}, db.apply(row(1f, 10f, 0.01f, 1e-6f)).data(), 1e-5f);
        PowerToDb ref10 = new PowerToDb(10.0, 1e-10, OptionalDouble.empty());
        assertArrayEquals(new float[] {-10f, 0f}, ref10.apply(row(1f, 10f)).data(), 1e-5f);
    }

    @Test
    void powersBelowAminAreHeldAtAmin() {
        PowerToDb db = new PowerToDb(1.0, 1e-10, OptionalDouble.empty());
        assertArrayEquals(new float[] {-100f, -100f}, db.apply(row(0f, 1e-20f)).data(), 1e-4f);
    }

    @Test
    void topDbRaisesEverythingBelowTheWholeMatrixMaximumMinusTopDb() {
        PowerToDb db = new PowerToDb(1.0, 1e-10, OptionalDouble.of(80.0));
        FloatMatrix m = new FloatMatrix(2, 2, new float[] {1f, 1e-12f, 1e-3f, 0f});
        assertArrayEquals(new float[] {0f, -80f, -30f, -80f}, db.apply(m).data(), 1e-4f);
    }

    @Test
    void silenceIsFlooredAtAminAndTopDbChangesNothing() {
        PowerToDb db = new PowerToDb(1.0, 1e-10, OptionalDouble.of(80.0));
        assertArrayEquals(new float[] {-100f, -100f, -100f}, db.apply(row(0f, 0f, 0f)).data(), 1e-4f);
    }

    @Test
    void rejectsNonPositiveAminAndNegativeTopDb() {
        assertThrows(IllegalArgumentException.class, () -> new PowerToDb(1.0, 0.0, OptionalDouble.empty()));
        assertThrows(IllegalArgumentException.class, () -> new PowerToDb(1.0, 1e-10, OptionalDouble.of(-1)));
    }
}
