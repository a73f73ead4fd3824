package org.ser4j.cli;

import org.ser4j.audio.AudioDecoder;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The {@code --sr} value: a rate in Hz, or {@code native} to analyse each file at its own rate (what the
 * librosa references use). Zero means native throughout.
 */
final class AnalysisRate implements ITypeConverter<Integer> {

    /** ser4j's default analysis rate. */
    static final String DEFAULT = "16000";

    /** The decoder for a parsed {@code --sr} value: resampling to it, or keeping each file's rate for 0. */
    static AudioDecoder decoder(int rate) {
        AudioDecoder.Builder b = AudioDecoder.builder();
        return (rate == 0 ? b.optNativeSampleRate() : b.optTargetSampleRate(rate)).build();
    }

    @Override
    public Integer convert(String value) {
        if ("native".equalsIgnoreCase(value)) {
            return 0;
        }
        try {
            int rate = Integer.parseInt(value.trim());
            if (rate >= 1000 && rate <= 768_000) {
                return rate;
            }
        } catch (NumberFormatException ignored) {
            // fall through to the message below
        }
        throw new TypeConversionException("expected a sample rate in Hz between 1000 and 768000, or 'native', but was '"
                + value + "'");
    }
}
