package org.lifecert.face;

/** A landmark in image pixels. */
public record FacePoint(double x, double y) {
    public double distanceTo(FacePoint o) {
        return Math.hypot(x - o.x, y - o.y);
    }
}
