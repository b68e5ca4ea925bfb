package org.engram.examples.cli;

import org.engram.spinnaker.machine.ChipLocation;
import org.engram.spinnaker.machine.CoreLocation;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Converters of the SpiNNaker values given as options: chips, cores, addresses and bytes in hex,
 * checked while parsing.
 */
final class SpinnakerValues {
    private SpinnakerValues() {}

    /** "X,Y" to a chip. */
    static final class Chip implements ITypeConverter<ChipLocation> {
        @Override
        public ChipLocation convert(String value) {
            String[] p = value.split(",");
            try {
                if (p.length != 2) {
                    throw new NumberFormatException();
                }
                return new ChipLocation(Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim()));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not a chip; expected X,Y with 0 <= X,Y <= 255");
            }
        }
    }

    /** A virtual core number, 0 to {@link CoreLocation#MAX_CORE}. */
    static final class Core implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                int p = Integer.parseInt(value.trim());
                new CoreLocation(ChipLocation.ZERO, p); // the one rule for core numbers
                return p;
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not a core number; expected 0.."
                        + CoreLocation.MAX_CORE + " (0 is the monitor, SCAMP)");
            }
        }
    }

    /** Decimal or 0x-hex to an unsigned 32-bit address. */
    static final class Address implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            try {
                long v = Long.decode(value.trim());
                if (v < 0 || v > 0xFFFF_FFFFL) {
                    throw new NumberFormatException();
                }
                return v;
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not a 32-bit address (e.g. 0x60000000)");
            }
        }
    }

    /** Bytes given in hex (a holder: picocli would take a {@code byte[]} option for a list of single bytes). */
    record HexBytes(byte[] bytes) {}

    /** Hex digits, two per byte, spaces ignored ("deadbeef", "de ad be ef") to bytes. */
    static final class Hex implements ITypeConverter<HexBytes> {
        @Override
        public HexBytes convert(String value) {
            String h = value.replaceAll("\\s+", "");
            if (h.isEmpty()) {
                throw new TypeConversionException("no bytes given; expected hex digits, two per byte (e.g. deadbeef)");
            }
            if (!h.matches("[0-9a-fA-F]+")) {
                throw new TypeConversionException("'" + value + "' is not hexadecimal; expected the digits 0-9 and "
                        + "a-f, two per byte (e.g. deadbeef)");
            }
            if (h.length() % 2 != 0) {
                throw new TypeConversionException("'" + value + "' has an odd number of hex digits (" + h.length()
                        + "); expected two per byte");
            }
            byte[] data = new byte[h.length() / 2];
            for (int i = 0; i < data.length; i++) {
                data[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
            }
            return new HexBytes(data);
        }
    }
}
