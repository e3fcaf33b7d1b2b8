package org.lifecert.facematch;


/**
 * Real face images for the tests: stills of webcam-a.mp4 and webcam-b.mp4 (the same person, two recordings) committed
 * under src/test/resources/frames (extracted with {@code ffmpeg -i webcam-X.mp4 -q:v 2 f%04d.jpg}; frame N is at
 * (N-1)/25 s), and the development face set read in place from {@code face.data.dir} (../shared/data/faces).
 */
public final class FaceFrames {

    /** Enrollment photos of the webcam person: webcam-a frames 131, 291, 640 (frontal, talking, eyes open). */
    public static final String[] ENROLLED = {"webcam-a-f0131.jpg", "webcam-a-f0291.jpg", "webcam-a-f0640.jpg"};
    /** The same person in the other recording: webcam-b frames 7, 200, 488 (frontal, eyes open). */
    public static final String[] CAMERA = {"webcam-b-f0007.jpg", "webcam-b-f0200.jpg", "webcam-b-f0488.jpg"};

    private FaceFrames() {
    }

    public static byte[] still(String name) {
        return org.lifecert.testing.frames.TestImages.still(name);
    }

    /** A file of the development face set, e.g. {@code verify/amy/1.png}. */
    public static byte[] dataSet(String relative) {
        return org.lifecert.testing.frames.TestImages.dataSet(relative);
    }

    /** The same JPEG with a comment segment naming {@code tag} after its start marker: same picture, unique bytes. */
    public static byte[] unique(byte[] jpeg, String tag) {
        return org.lifecert.testing.frames.FrameBytes.unique(jpeg, tag);
    }
}
