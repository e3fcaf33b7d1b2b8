package org.lifecert.liveness.action;

import java.util.List;

/** Decides whether one challenged action happened in the frames of a step (frames with a face, in capture order). */
public interface ActionDetector {

    Detection detect(List<FrameSignal> frames);
}
