package org.lifecert.face;

/** Head pose in degrees from fr_pose (sign conventions in the README). */
public record HeadPose(double yaw, double pitch, double roll) {
}
