package org.lifecert.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreePortsTests {

    @Test
    void picksDistinctBindablePortsBelowTheRangeOfOutgoingConnections() throws Exception {
        int floor = FreePorts.ephemeralFloor();
        Set<Integer> picked = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            int port = FreePorts.pick();
            assertThat(port).isBetween(10_000, floor - 1);
            assertThat(picked.add(port)).as("port %d handed out twice", port).isTrue();
        }
        int port = picked.iterator().next();
        try (ServerSocket server = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThat(server.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void aServerStoppedWhileClientsConnectElsewhereGetsItsPortBack() throws Exception {
        int port = FreePorts.pick();
        InetAddress loopback = InetAddress.getLoopbackAddress();
        new ServerSocket(port, 1, loopback).close(); // the server stops
        // meanwhile the machine opens many outgoing connections; none of them takes the stopped server's port
        List<Socket> clients = new ArrayList<>();
        try (ServerSocket elsewhere = new ServerSocket(0, 500, loopback)) {
            for (int i = 0; i < 300; i++) {
                Socket client = new Socket();
                client.connect(new InetSocketAddress(loopback, elsewhere.getLocalPort()));
                assertThat(client.getLocalPort()).isNotEqualTo(port).isGreaterThanOrEqualTo(FreePorts.ephemeralFloor());
                clients.add(client);
            }
            try (ServerSocket again = new ServerSocket(port, 1, loopback)) { // and it starts again
                assertThat(again.getLocalPort()).isEqualTo(port);
            }
        } finally {
            for (Socket c : clients) {
                c.close();
            }
        }
    }
}
