package org.engram.examples.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Converters of the times in ms given as options, each with its rule, checked while parsing. */
final class Milliseconds {
    private Milliseconds() {}

    /** A step or a duration that must be positive and finite. */
    static final class Positive implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            double t = parse(value);
            if (!(t > 0) || Double.isInfinite(t)) {
                throw new TypeConversionException("'" + value + "' is not a time > 0 ms");
            }
            return t;
        }
    }

    /** A duration or a tolerance that may be zero. */
    static final class NonNegative implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            double t = parse(value);
            if (!(t >= 0) || Double.isInfinite(t)) {
                throw new TypeConversionException("'" + value + "' is not a time >= 0 ms");
            }
            return t;
        }
    }

    private static double parse(String value) {
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a number of ms");
        }
    }
}
