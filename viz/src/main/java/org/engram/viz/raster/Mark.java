package org.engram.viz.raster;

import java.awt.Shape;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

/**
 * The shape of a population's spike marks. The first twelve populations draw ticks; populations
 * past the palette's size share a colour with an earlier one and draw another shape, so that the
 * two stay apart.
 */
enum Mark {
    /** A filled rectangle {@code w} wide and {@code h} tall. */
    TICK {
        @Override
        Shape shape(double x, double y, double w, double h) {
            return new Rectangle2D.Double(x - w / 2, y - h / 2, w, h);
        }
    },
    /** A filled diamond {@code h} wide and tall. */
    DIAMOND {
        @Override
        Shape shape(double x, double y, double w, double h) {
            Path2D.Double p = new Path2D.Double();
            p.moveTo(x, y - h / 2);
            p.lineTo(x + h / 2, y);
            p.lineTo(x, y + h / 2);
            p.lineTo(x - h / 2, y);
            p.closePath();
            return p;
        }
    },
    /** A filled triangle, point up, {@code h} wide and tall. */
    TRIANGLE {
        @Override
        Shape shape(double x, double y, double w, double h) {
            Path2D.Double p = new Path2D.Double();
            p.moveTo(x, y - h / 2);
            p.lineTo(x + h / 2, y + h / 2);
            p.lineTo(x - h / 2, y + h / 2);
            p.closePath();
            return p;
        }
    };

    /** The legend's size of a mark, in layout pixels. */
    static final double LEGEND_PX = 10;

    /** The mark centred on (x, y); {@code w} and {@code h} are a tick's width and height. */
    abstract Shape shape(double x, double y, double w, double h);

    /** The mark of the legend, centred on the origin. */
    Shape legendShape() {
        return shape(0, 0, LEGEND_PX, LEGEND_PX);
    }

    /** The mark of the colours' {@code cycle}-th repetition (0: ticks); past the last shape they repeat. */
    static Mark ofCycle(int cycle) {
        return values()[Math.floorMod(cycle, values().length)];
    }
}
