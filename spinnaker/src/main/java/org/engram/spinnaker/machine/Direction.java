package org.engram.spinnaker.machine;

/**
 * The six inter-chip links, numbered as SCAMP and the router number them. Opposite links are
 * three apart: {@code (d + 3) mod 6}.
 */
public enum Direction {
    EAST(1, 0), NORTH_EAST(1, 1), NORTH(0, 1), WEST(-1, 0), SOUTH_WEST(-1, -1), SOUTH(0, -1);

    /** Change of x and y when following this link. */
    public final int dx;
    public final int dy;

    Direction(int dx, int dy) {
        this.dx = dx;
        this.dy = dy;
    }

    /** The link number 0–5 (also the route-code of the P2P table and the MC route bit). */
    public int id() {
        return ordinal();
    }

    public Direction opposite() {
        return values()[(ordinal() + 3) % 6];
    }
}
