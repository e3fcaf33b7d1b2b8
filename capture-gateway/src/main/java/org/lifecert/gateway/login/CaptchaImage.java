package org.lifecert.gateway.login;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import javax.imageio.ImageIO;

/**
 * Draws captcha text as a PNG: large, dark glyphs on a light ground (legible for older eyes), each
 * glyph shifted and rotated a little, with a few thin lines across. Letters that look alike
 * (0/O, 1/I/L) are never used.
 */
public final class CaptchaImage {

    public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final int WIDTH = 200;
    private static final int HEIGHT = 70;

    private final SecureRandom random = new SecureRandom();

    public String text(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }

    public byte[] png(String text) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(250, 250, 240));
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setStroke(new BasicStroke(1.5f));
            for (int i = 0; i < 5; i++) {
                g.setColor(new Color(120 + random.nextInt(80), 120 + random.nextInt(80), 120 + random.nextInt(80)));
                g.drawLine(random.nextInt(WIDTH), random.nextInt(HEIGHT), random.nextInt(WIDTH), random.nextInt(HEIGHT));
            }
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 40));
            int step = (WIDTH - 20) / text.length();
            for (int i = 0; i < text.length(); i++) {
                Graphics2D glyph = (Graphics2D) g.create();
                glyph.translate(14 + i * step + random.nextInt(8), 50 + random.nextInt(10) - 5);
                glyph.rotate((random.nextDouble() - 0.5) * 0.5);
                glyph.setColor(new Color(random.nextInt(60), random.nextInt(60), 60 + random.nextInt(80)));
                glyph.drawString(String.valueOf(text.charAt(i)), 0, 0);
                glyph.dispose();
            }
        } finally {
            g.dispose();
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
