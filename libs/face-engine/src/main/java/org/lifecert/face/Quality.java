package org.lifecert.face;

/**
 * Image quality of one face.
 *
 * @param brightness  mean grey level of the face crop, 0-255
 * @param contrast    standard deviation of the grey levels of the face crop
 * @param sharpness   variance of the Laplacian of the 64x64 grey face crop over the crop's grey variance
 *                    (independent of face size and contrast): about 0.2-0.3 for a sharp webcam face, lower when blurred
 * @param faceSize    side of the face box in image pixels
 * @param centring    1 when the face centre is the image centre, 0 at a corner
 * @param frontalness cos(yaw) x cos(pitch): 1 facing the camera, lower when turned
 * @param backgroundBrightness mean grey level of the whole image (backlight when far above the face's)
 */
public record Quality(double brightness, double contrast, double sharpness, double faceSize, double centring,
                      double frontalness, double backgroundBrightness) {
}
