package org.lifecert.face;

/**
 * A face's box in image pixels. The detector's box is made square (side = its height, same centre), as the
 * reference pipeline does, and may reach slightly outside the image.
 */
public record FaceBox(double x, double y, double width, double height) {
    public double centerX() {
        return x + width / 2;
    }

    public double centerY() {
        return y + height / 2;
    }

    public double area() {
        return width * height;
    }

    public boolean contains(FacePoint p, double margin) {
        return p.x() >= x - margin && p.x() <= x + width + margin && p.y() >= y - margin && p.y() <= y + height + margin;
    }
}
