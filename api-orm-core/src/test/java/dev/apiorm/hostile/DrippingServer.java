package dev.apiorm.hostile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw socket server on 127.0.0.1 that answers every request with a valid response
 * written one byte at a time, {@code gapMillis} apart: a response that never stalls long
 * enough for an idle timeout, yet takes far longer than any response should.
 */
final class DrippingServer implements AutoCloseable {

	private final ServerSocket socket;

	private final AtomicInteger requests = new AtomicInteger();

	private final Thread acceptor;

	DrippingServer(String body, long gapMillis) throws IOException {
		this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		byte[] response = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
				+ "\r\n\r\n" + body)
			.getBytes(StandardCharsets.UTF_8);
		this.acceptor = new Thread(() -> {
			while (!this.socket.isClosed()) {
				try {
					Socket client = this.socket.accept();
					Thread dripper = new Thread(() -> drip(client, response, gapMillis), "dripper");
					dripper.setDaemon(true);
					dripper.start();
				}
				catch (IOException ex) {
					return;
				}
			}
		}, "dripping-server");
		this.acceptor.setDaemon(true);
		this.acceptor.start();
	}

	private void drip(Socket client, byte[] response, long gapMillis) {
		try (client) {
			InputStream in = client.getInputStream();
			// The request line and headers end with an empty line.
			int matched = 0;
			while (matched < 4) {
				int next = in.read();
				if (next < 0) {
					return;
				}
				matched = (next == "\r\n\r\n".charAt(matched)) ? matched + 1 : (next == '\r') ? 1 : 0;
			}
			this.requests.incrementAndGet();
			OutputStream out = client.getOutputStream();
			for (byte b : response) {
				out.write(b);
				out.flush();
				Thread.sleep(gapMillis);
			}
		}
		catch (IOException | InterruptedException ex) {
			// The client gave up: the point of the exercise.
		}
	}

	int port() {
		return this.socket.getLocalPort();
	}

	int requests() {
		return this.requests.get();
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

}
