package org.lifecert.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Picks loopback ports nobody listens on, so that concurrent test runs never collide.
 *
 * <p>The ports lie below the kernel's range for the ports it chooses itself: the local ports of outgoing
 * connections and of every {@code bind} to port 0 (another server, another test JVM). Tests stop a server
 * and start it again on its port while clients keep connecting (the Kafka broker, the SMTP server,
 * PostgreSQL in the system tests); a port from that range can meanwhile be handed to someone else, and a
 * connection that used it and closed blocks it for the minute of TIME_WAIT. A port outside the range is
 * only ever taken by someone binding that very number.
 */
public final class FreePorts {

    private static final int LOWEST = 10_000;
    /** Linux's default floor; macOS and Windows start theirs at 49152. */
    private static final int DEFAULT_EPHEMERAL_FLOOR = 32_768;
    private static final Path LINUX_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final int ATTEMPTS = 500;

    /** Handed out by this JVM: two picks in a row (a broker's two listeners) never get the same port. */
    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private FreePorts() {
    }

    public static synchronized int pick() {
        int ceiling = ephemeralFloor();
        if (ceiling - LOWEST < 1_000) {
            return kernelChosen(); // a machine whose outgoing range starts this low: restarts may race, as before
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, ceiling);
            if (!HANDED_OUT.contains(port) && free(port)) {
                HANDED_OUT.add(port);
                return port;
            }
        }
        throw new IllegalStateException("no free port between " + LOWEST + " and " + ceiling + " after "
                + ATTEMPTS + " tries");
    }

    /** The lowest port the kernel gives outgoing connections; ports picked here stay below it. */
    public static int ephemeralFloor() {
        // read as a stream: /proc reports a size of zero, and Files.readString then returns a single byte
        try (BufferedReader range = Files.newBufferedReader(LINUX_RANGE)) {
            return Integer.parseInt(range.readLine().trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException notLinux) {
            return DEFAULT_EPHEMERAL_FLOOR;
        }
    }

    /** True when a server could listen on loopback {@code port} now. */
    public static boolean free(int port) {
        return bindFailure(port).isEmpty();
    }

    /** Why a server cannot listen on loopback {@code port} now (the bind's exception), or empty when it can. */
    public static Optional<String> bindFailure(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(e.toString());
        }
    }

    private static int kernelChosen() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("no free port", e);
        }
    }
}
