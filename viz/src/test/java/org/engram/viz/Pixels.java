package org.engram.viz;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Reading PNGs back in tests. */
public final class Pixels {
    private Pixels() {}

    public static BufferedImage read(Path png) throws IOException {
        BufferedImage img = ImageIO.read(png.toFile());
        if (img == null) {
            throw new IOException(png + " is not an image");
        }
        return img;
    }

    public static Color at(BufferedImage img, double x, double y) {
        return new Color(img.getRGB((int) Math.floor(x), (int) Math.floor(y)));
    }

    /** Pixel x of data value {@code v} on a linear axis from {@code lo} to {@code hi} over the area's width. */
    public static double x(Rectangle2D area, double lo, double hi, double v) {
        return area.getX() + (v - lo) / (hi - lo) * area.getWidth();
    }

    /** Pixel y of {@code v} on a downward axis from {@code lo} (top) to {@code hi} (bottom). */
    public static double yDown(Rectangle2D area, double lo, double hi, double v) {
        return area.getY() + (v - lo) / (hi - lo) * area.getHeight();
    }

    /** Pixel y of {@code v} on an upward axis from {@code lo} (bottom) to {@code hi} (top). */
    public static double yUp(Rectangle2D area, double lo, double hi, double v) {
        return area.getMaxY() - (v - lo) / (hi - lo) * area.getHeight();
    }

    /** True when each channel of {@code a} is within {@code tolerance} of {@code b}'s. */
    public static boolean near(Color a, Color b, int tolerance) {
        return Math.abs(a.getRed() - b.getRed()) <= tolerance && Math.abs(a.getGreen() - b.getGreen()) <= tolerance
                && Math.abs(a.getBlue() - b.getBlue()) <= tolerance;
    }

    /** Number of 4-connected regions of pixels exactly {@code c} inside {@code area}. */
    public static int blobs(BufferedImage img, Rectangle2D area, Color c) {
        int x0 = (int) Math.ceil(area.getX());
        int y0 = (int) Math.ceil(area.getY());
        int x1 = (int) Math.floor(area.getMaxX());
        int y1 = (int) Math.floor(area.getMaxY());
        boolean[][] seen = new boolean[x1 - x0][y1 - y0];
        int n = 0;
        java.util.ArrayDeque<int[]> q = new java.util.ArrayDeque<>();
        for (int x = x0; x < x1; x++) {
            for (int y = y0; y < y1; y++) {
                if (seen[x - x0][y - y0] || img.getRGB(x, y) != c.getRGB()) {
                    continue;
                }
                n++;
                q.add(new int[] {x, y});
                seen[x - x0][y - y0] = true;
                while (!q.isEmpty()) {
                    int[] p = q.poll();
                    for (int[] d : new int[][] {{1, 0}, {-1, 0}, {0, 1}, {0, -1}}) {
                        int nx = p[0] + d[0];
                        int ny = p[1] + d[1];
                        if (nx >= x0 && nx < x1 && ny >= y0 && ny < y1 && !seen[nx - x0][ny - y0]
                                && img.getRGB(nx, ny) == c.getRGB()) {
                            seen[nx - x0][ny - y0] = true;
                            q.add(new int[] {nx, ny});
                        }
                    }
                }
            }
        }
        return n;
    }

    /** Pixels exactly {@code c} inside {@code area}. */
    public static int count(BufferedImage img, Rectangle2D area, Color c) {
        int n = 0;
        for (int x = (int) Math.ceil(area.getX()); x < (int) Math.floor(area.getMaxX()); x++) {
            for (int y = (int) Math.ceil(area.getY()); y < (int) Math.floor(area.getMaxY()); y++) {
                if (img.getRGB(x, y) == c.getRGB()) {
                    n++;
                }
            }
        }
        return n;
    }
}
