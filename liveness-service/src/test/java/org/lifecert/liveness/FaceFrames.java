package org.lifecert.liveness;


/**
 * Real face images for the tests: stills of webcam-a.mp4 committed under src/test/resources/frames (extracted with
 * {@code ffmpeg -i webcam-a.mp4 -q:v 2 f%04d.jpg}; frame N is at (N-1)/25 s), and the development face set read in
 * place from {@code face.data.dir} (../shared/data/faces).
 */
public final class FaceFrames {

    /** webcam-a frame 131: frontal, eyes open, mouth closed. */
    public static final String FRONTAL = "webcam-a-f0131.jpg";
    /** frame 291: talking, mouth open (ratio 0.4). */
    public static final String MOUTH_OPEN = "webcam-a-f0291.jpg";
    /** frame 530: head turned to the person's left (yaw -30, the clip's largest turn). */
    public static final String TURNED_LEFT = "webcam-a-f0530.jpg";
    /** frame 575: head tilted down (pitch -7, the clip's lowest). */
    public static final String LOOKING_DOWN = "webcam-a-f0575.jpg";
    /** frame 640: eyes open just before a blink. */
    public static final String EYES_OPEN = "webcam-a-f0640.jpg";
    /** frame 642: eyes closed in the blink. */
    public static final String EYES_CLOSED = "webcam-a-f0642.jpg";

    private FaceFrames() {
    }

    public static byte[] still(String name) {
        return org.lifecert.testing.frames.TestImages.still(name);
    }

    /** A file of the development face set, e.g. {@code liveness/spoof/F1.jpg}. */
    public static byte[] dataSet(String relative) {
        return org.lifecert.testing.frames.TestImages.dataSet(relative);
    }

    /**
     * The same JPEG with a comment segment (FF FE) naming {@code tag} right after its start marker: the picture is
     * unchanged, the bytes (and so the frame hash) are unique. Real cameras never send the same bytes twice; tests
     * reuse a few stills in many sessions and would otherwise look like replays.
     */
    public static byte[] unique(byte[] jpeg, String tag) {
        return org.lifecert.testing.frames.FrameBytes.unique(jpeg, tag);
    }
}
