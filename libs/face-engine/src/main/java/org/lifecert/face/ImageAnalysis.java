package org.lifecert.face;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The outcome of {@link FaceEngine#analyze}: a rejection, or the faces found (largest first, never empty). */
public final class ImageAnalysis {
    private final Rejection rejection;
    private final List<FaceObservation> faces;
    private final int imageWidth;
    private final int imageHeight;

    private ImageAnalysis(Rejection rejection, List<FaceObservation> faces, int imageWidth, int imageHeight) {
        this.rejection = rejection;
        this.faces = faces;
        this.imageWidth = imageWidth;
        this.imageHeight = imageHeight;
    }

    public static ImageAnalysis rejected(Rejection rejection, int imageWidth, int imageHeight) {
        return new ImageAnalysis(rejection, List.of(), imageWidth, imageHeight);
    }

    public static ImageAnalysis of(List<FaceObservation> faces, int imageWidth, int imageHeight) {
        if (faces.isEmpty()) {
            throw new IllegalArgumentException("no faces: use rejected(NO_FACE)");
        }
        List<FaceObservation> sorted = faces.stream()
                .sorted(Comparator.comparingDouble((FaceObservation f) -> f.box().area()).reversed()).toList();
        return new ImageAnalysis(null, sorted, imageWidth, imageHeight);
    }

    public boolean isRejected() {
        return rejection != null;
    }

    public Optional<Rejection> rejection() {
        return Optional.ofNullable(rejection);
    }

    /** The faces, largest first; empty when rejected. */
    public List<FaceObservation> faces() {
        return faces;
    }

    public Optional<FaceObservation> largestFace() {
        return faces.isEmpty() ? Optional.empty() : Optional.of(faces.get(0));
    }

    /** Decoded image width in pixels, 0 when the image could not be decoded. */
    public int imageWidth() {
        return imageWidth;
    }

    public int imageHeight() {
        return imageHeight;
    }

    @Override
    public String toString() {
        return rejection != null ? "ImageAnalysis[" + rejection + "]" : "ImageAnalysis[" + faces + "]";
    }
}
