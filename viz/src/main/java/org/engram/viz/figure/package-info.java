/**
 * What every figure shares: the output formats (PNG with its DPI, SVG through JFreeSVG, chosen
 * by file extension), figure sizes, the palette and the publication theme, image layers drawn
 * in data coordinates, time windows, and {@link org.engram.viz.figure.PlotException}, the
 * module's user-error family.
 *
 * <p>May import JFreeChart, JFreeSVG, the JDK's AWT and ImageIO, and
 * {@code org.engram.simulator.error.UserError}; nothing else of Engram. Drawing never runs a
 * simulation and never changes the data it draws.
 */
package org.engram.viz.figure;
