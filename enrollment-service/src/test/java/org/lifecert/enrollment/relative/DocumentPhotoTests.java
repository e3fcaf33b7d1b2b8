package org.lifecert.enrollment.relative;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Base64;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The relative's identity-document photo: each way it can be wrong and the message the recipient reads. */
class DocumentPhotoTests {

    private static final long MAX = 1024 * 1024;
    private final DocumentPhoto check = new DocumentPhoto(MAX);

    static byte[] image(String format, int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                img.setRGB(x, y, (x * 31 + y * 17) & 0xffffff);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    static Stream<Arguments> refused() {
        byte[] jpeg = image("jpg", 640, 400);
        byte[] jpegHeaderOnly = Arrays.copyOf(jpeg, 4);
        byte[] pngSignatureThenGarbage = new byte[64];
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 0, pngSignatureThenGarbage, 0, 8);
        byte[] tooLarge = Arrays.copyOf(jpeg, (int) MAX + 1);
        return Stream.of(
                Arguments.of("missing", null, "请上传亲属的身份凭证照片"),
                Arguments.of("blank", "  ", "请上传亲属的身份凭证照片"),
                Arguments.of("not base64", "这不是图片", "身份凭证照片无法识别，请上传JPG或PNG格式的照片"),
                Arguments.of("text, not an image", b64("not an image".getBytes(StandardCharsets.UTF_8)), "身份凭证照片无法识别，请上传JPG或PNG格式的照片"),
                Arguments.of("GIF", b64("GIF89a\u0001\u0000\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1)), "身份凭证照片无法识别，请上传JPG或PNG格式的照片"),
                Arguments.of("JPEG magic bytes only", b64(jpegHeaderOnly), "身份凭证照片无法识别，请上传JPG或PNG格式的照片"),
                Arguments.of("PNG signature then garbage", b64(pngSignatureThenGarbage), "身份凭证照片无法识别，请上传JPG或PNG格式的照片"),
                Arguments.of("over the size limit", b64(tooLarge), "身份凭证照片不能超过1MB，请重新上传"),
                Arguments.of("too small to read", b64(image("png", 320, 120)), "身份凭证照片不够清晰，请重新拍摄后上传"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusedPhotoGetsItsReason(String description, String base64, String message) {
        DocumentPhoto.Outcome outcome = check.check(base64);
        assertThat(outcome.accepted()).isFalse();
        assertThat(outcome.message()).isEqualTo(message);
    }

    @Test
    void decodableJpegAndPngAreKeptAsUploaded() {
        byte[] png = image("png", 400, 300);
        assertThat(check.check(b64(png)).bytes()).isEqualTo(png);
        byte[] jpeg = image("jpg", 640, 400);
        assertThat(check.check(b64(jpeg)).bytes()).isEqualTo(jpeg);
    }

    @Test
    void realPhotoIsAccepted() throws IOException {
        byte[] real = Files.readAllBytes(org.lifecert.testing.SharedData.face("liveness/live/T1.jpg"));
        assertThat(check.check(Base64.getMimeEncoder().encodeToString(real)).accepted()).isTrue();
    }
}
