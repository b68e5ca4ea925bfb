package org.engram.viz.figure;

/**
 * The size of a figure: its layout in CSS pixels ({@code widthPx} by {@code heightPx}, 1/96 inch
 * each, which is also the SVG's size) and the resolution of PNG output. A PNG has
 * {@code widthPx * dpi / 96} by {@code heightPx * dpi / 96} pixels and records its DPI, so a
 * 900 by 600 figure at 300 DPI prints 9.4 by 6.25 inches with the same layout as on screen.
 */
public record FigureSize(int widthPx, int heightPx, int dpi) {
    /** The resolution of a CSS pixel: at this DPI a PNG has exactly the layout's pixels. */
    public static final int SCREEN_DPI = 96;
    public static final int MIN_PX = 100;
    public static final int MAX_PX = 20_000;
    public static final int MAX_DPI = 1200;

    /** The raster's default size. */
    public static final FigureSize DEFAULT = new FigureSize(1000, 640, SCREEN_DPI);

    public FigureSize {
        if (widthPx < MIN_PX || widthPx > MAX_PX || heightPx < MIN_PX || heightPx > MAX_PX) {
            throw new PlotException("figure size " + widthPx + "x" + heightPx + " px; expected each side between "
                    + MIN_PX + " and " + MAX_PX + " px");
        }
        if (dpi < 24 || dpi > MAX_DPI) {
            throw new PlotException("dpi " + dpi + "; expected 24 to " + MAX_DPI);
        }
        if ((long) widthPx * dpi / SCREEN_DPI > MAX_PX || (long) heightPx * dpi / SCREEN_DPI > MAX_PX) {
            throw new PlotException("figure " + widthPx + "x" + heightPx + " px at " + dpi + " dpi would exceed "
                    + MAX_PX + " pixels a side");
        }
    }

    /** Same DPI, other layout size. */
    public FigureSize withSize(int w, int h) {
        return new FigureSize(w, h, dpi);
    }

    /** Pixels of the PNG per layout pixel. */
    public double scale() {
        return dpi / (double) SCREEN_DPI;
    }

    public int pngWidth() {
        return (int) Math.round(widthPx * scale());
    }

    public int pngHeight() {
        return (int) Math.round(heightPx * scale());
    }
}
