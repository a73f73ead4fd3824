package org.ser4j.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.ser4j.audio.AudioDecoder;
import org.ser4j.core.audio.AudioDecodeException;
import org.ser4j.core.audio.PcmAudio;
import org.ser4j.core.dsp.FloatMatrix;
import org.ser4j.core.dsp.MelScale;
import org.ser4j.core.features.FeatureConfig;
import org.ser4j.core.features.LibrosaFeatures;

/**
 * The four pictures of one example clip: waveform, energy and zero-crossing rate, MFCCs, log-mel spectrogram.
 * Immutable and thread-safe (the decoder and feature tables are).
 */
final class ClipFigures {

    /** What is computed once per clip and drawn four times. */
    record Analysis(PcmAudio audio, float[] zcr, float[] rms, FloatMatrix logMel, FloatMatrix mfcc) {
    }

    /** Frequencies worth a label on a mel axis: round numbers, denser where the mel scale is. */
    private static final double[] HZ_TICKS = {250, 500, 1000, 2000, 3000, 4000, 6000, 8000, 12000, 16000, 24000};

    private final ReportOptions options;
    private final AudioDecoder decoder;
    private final LibrosaFeatures features;

    ClipFigures(ReportOptions options) {
        this.options = options;
        this.decoder = AudioDecoder.builder().optTargetSampleRate(options.analysisSampleRate()).build();
        this.features = new LibrosaFeatures(options.features());
    }

    /** Decodes {@code path} at the analysis rate and computes what the pictures show. */
    Analysis analyse(Path path) throws IOException, AudioDecodeException {
        PcmAudio audio = decoder.decode(path);
        if (audio.length() == 0) {
            throw new AudioDecodeException(AudioDecodeException.Problem.EMPTY,
                    path + ": the file decodes to no samples; there is nothing to draw");
        }
        FloatMatrix logMel = features.powerToDb(features.melSpectrogram(audio));
        return new Analysis(audio, features.zeroCrossingRate(audio), features.rms(audio), logMel,
                features.mfcc(logMel));
    }

    BufferedImage waveform(Analysis a, String title) {
        // One zig-zag column per horizontal pixel of the plot area (the chart's frame takes about 120 pixels).
        Envelope env = Envelope.of(a.audio().samples(), a.audio().sampleRate(), Math.max(1, options.clipWidth() - 120));
        return BitmapEncoder.getBufferedImage(Charts.waveform(title, env, options.clipWidth(), options.clipHeight()));
    }

    BufferedImage energyAndZcr(Analysis a, String title) {
        FeatureConfig c = options.features();
        int n = a.rms().length;
        double[] t = new double[n];
        double[] rms = new double[n];
        double[] zcr = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = (double) i * c.frameHop() / a.audio().sampleRate();
            rms[i] = a.rms()[i];
            zcr[i] = i < a.zcr().length ? a.zcr()[i] : 0;
        }
        XYChart chart = Charts.energyAndZcr(title, t, rms, zcr, a.audio().durationSeconds(), options.clipWidth(),
                options.clipHeight());
        return BitmapEncoder.getBufferedImage(chart);
    }

    BufferedImage mfcc(Analysis a, String title) {
        int n = a.mfcc().cols();
        // Coefficient 0 is the frame's log energy (the RMS curve shows it); its scale, ten times the others',
        // would flatten every other row to one colour, so the image starts at coefficient 1.
        int first = n > 1 ? 1 : 0;
        List<Heatmap.RowTick> ticks = new ArrayList<>();
        ticks.add(new Heatmap.RowTick(0, Integer.toString(first)));
        if (n - 1 > first) {
            Ticks t = Ticks.withStep(first + 1, n - 1, Math.max(1, Math.ceil((n - first) / 5.0 / 5) * 5));
            for (double v : t.values()) {
                ticks.add(new Heatmap.RowTick(v - first, t.format(v)));
            }
        }
        Heatmap.Spec spec = new Heatmap.Spec(title, a.mfcc(), first, frameSeconds(a), "MFCC coefficient", ticks,
                ColorMap.VIRIDIS, "coefficient value");
        return Heatmap.render(spec, options.clipWidth(), options.clipHeight());
    }

    BufferedImage logMel(Analysis a, String title) {
        FeatureConfig c = options.features();
        int sr = a.audio().sampleRate();
        int bands = a.logMel().cols();
        MelScale scale = c.melScale();
        double m0 = scale.hzToMel(c.fMin());
        double step = (scale.hzToMel(c.fMaxFor(sr)) - m0) / (bands + 1);
        List<Heatmap.RowTick> ticks = new ArrayList<>();
        for (double hz : HZ_TICKS) {
            // Band i is centred at the (i + 1)-th of bands + 2 mel-spaced frequencies (librosa.filters.mel).
            double row = (scale.hzToMel(hz) - m0) / step - 1;
            if (row >= -0.5 && row <= bands - 0.5) {
                ticks.add(new Heatmap.RowTick(row, Long.toString(Math.round(hz))));
            }
        }
        Heatmap.Spec spec = new Heatmap.Spec(title, a.logMel(), 0, frameSeconds(a), "frequency (Hz, mel scale)",
                ticks, ColorMap.MAGMA, "power (dB)");
        return Heatmap.render(spec, options.clipWidth(), options.clipHeight());
    }

    private double frameSeconds(Analysis a) {
        return (double) options.features().hopLength() / a.audio().sampleRate();
    }
}
