package org.lifecert.gateway.load;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One kept-alive HTTP/1.1 connection of one uploading "phone" (a blocking socket, no selector or executor threads):
 * the load generator's stand-in for a recipient's browser, which runs on the recipient's own device, so that the
 * generator takes as little of the shared machine as it can. Each request is written with one gathering write; the
 * frames' base64 text sits in direct buffers built once and is sent without a copy in this JVM. Understands only what
 * the gateway answers: a status line, headers and a body of {@code Content-Length} bytes.
 */
final class PlainHttpConnection implements AutoCloseable {

    record Response(int status, String body) {
    }

    private final SocketChannel channel;
    private final String host;
    private final ByteBuffer in = ByteBuffer.allocate(64 * 1024);

    PlainHttpConnection(String host, int port) throws IOException {
        this.host = host + ":" + port;
        this.channel = SocketChannel.open(new InetSocketAddress(host, port));
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
    }

    /** Sends {@code body} (the parts in order) as one POST and reads the answer. */
    Response post(String path, String contentType, String token, List<ByteBuffer> body) throws IOException {
        long length = 0;
        for (ByteBuffer b : body) {
            length += b.remaining();
        }
        String head = "POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: " + contentType
                + "\r\nX-Session-Token: " + token + "\r\nContent-Length: " + length + "\r\n\r\n";
        List<ByteBuffer> parts = new ArrayList<>(body.size() + 1);
        parts.add(ByteBuffer.wrap(head.getBytes(StandardCharsets.US_ASCII)));
        parts.addAll(body);
        ByteBuffer[] out = parts.toArray(ByteBuffer[]::new);
        long left = length + out[0].remaining();
        while (left > 0) {
            left -= channel.write(out);
        }
        return read();
    }

    private Response read() throws IOException {
        in.clear();
        int headEnd;
        while ((headEnd = headEnd()) < 0) {
            fill();
        }
        String head = new String(in.array(), 0, headEnd, StandardCharsets.ISO_8859_1);
        int status = Integer.parseInt(head.substring(9, 12));
        int contentLength = -1;
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                contentLength = Integer.parseInt(line.substring(15).trim());
            }
        }
        if (contentLength < 0) {
            throw new IOException("answer without Content-Length: " + head);
        }
        int bodyStart = headEnd + 4;
        while (in.position() < bodyStart + contentLength) {
            fill();
        }
        return new Response(status, new String(in.array(), bodyStart, contentLength, StandardCharsets.UTF_8));
    }

    private void fill() throws IOException {
        if (!in.hasRemaining()) {
            throw new IOException("answer larger than " + in.capacity() + " bytes");
        }
        if (channel.read(in) < 0) {
            throw new EOFException("connection closed by the gateway");
        }
    }

    /** Index of the blank line ending the headers in what was read so far, -1 if not yet there. */
    private int headEnd() {
        byte[] a = in.array();
        for (int i = 0; i + 3 < in.position(); i++) {
            if (a[i] == '\r' && a[i + 1] == '\n' && a[i + 2] == '\r' && a[i + 3] == '\n') {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
