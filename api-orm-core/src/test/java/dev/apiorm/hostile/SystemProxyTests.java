package dev.apiorm.hostile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.apiorm.ApiOrm;
import dev.apiorm.fixtures.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JVM's proxy settings apply: behind a proxy, every request goes through it. The
 * proxy is a small CONNECT proxy in the test JVM that records what it tunnels.
 */
class SystemProxyTests {

	private final Properties saved = new Properties();

	private HostileServer api;

	private ServerSocket proxy;

	private final List<String> tunnels = new CopyOnWriteArrayList<>();

	@BeforeEach
	void apiAndProxy() throws IOException {
		this.api = new HostileServer();
		this.proxy = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread accepting = new Thread(this::acceptTunnels, "connect-proxy");
		accepting.setDaemon(true);
		accepting.start();
		for (String key : List.of("http.proxyHost", "http.proxyPort", "http.nonProxyHosts")) {
			String value = System.getProperty(key);
			if (value != null) {
				this.saved.setProperty(key, value);
			}
		}
		System.setProperty("http.proxyHost", "127.0.0.1");
		System.setProperty("http.proxyPort", String.valueOf(this.proxy.getLocalPort()));
		// The JVM bypasses the proxy for 127.* by default.
		System.setProperty("http.nonProxyHosts", "nothing.invalid");
	}

	@AfterEach
	void restore() throws IOException {
		for (String key : List.of("http.proxyHost", "http.proxyPort", "http.nonProxyHosts")) {
			String value = this.saved.getProperty(key);
			if (value != null) {
				System.setProperty(key, value);
			}
			else {
				System.clearProperty(key);
			}
		}
		this.proxy.close();
		this.api.close();
	}

	@Test
	void requestsGoThroughTheProxyTheJvmIsConfiguredWith() {
		try (ApiOrm orm = ApiOrm.builder().baseUrl(this.api.baseUrl()).build()) {
			// The server answers record 0 properly.
			assertThat(orm.repository(User.class).get(0L).getId()).isZero();
		}
		assertThat(this.tunnels).containsExactly("CONNECT 127.0.0.1:" + this.api.port());
		assertThat(this.api.count("/api/v1/users/0/")).isEqualTo(1);
		assertThat(this.api.requests()).hasSize(1);
	}

	private void acceptTunnels() {
		while (!this.proxy.isClosed()) {
			try {
				Socket client = this.proxy.accept();
				Thread tunnel = new Thread(() -> tunnel(client), "connect-tunnel");
				tunnel.setDaemon(true);
				tunnel.start();
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void tunnel(Socket client) {
		try (client) {
			InputStream in = client.getInputStream();
			String head = readHead(in);
			String requestLine = head.substring(0, head.indexOf("\r\n"));
			String[] parts = requestLine.split(" ");
			this.tunnels.add(parts[0] + " " + parts[1]);
			String[] target = parts[1].split(":");
			try (Socket upstream = new Socket(target[0], Integer.parseInt(target[1]))) {
				OutputStream out = client.getOutputStream();
				out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
				out.flush();
				Thread back = new Thread(() -> pipe(upstream, client), "connect-tunnel-back");
				back.setDaemon(true);
				back.start();
				pipe(client, upstream);
				back.join(5_000);
			}
		}
		catch (IOException | InterruptedException ex) {
			// the test sees what arrived
		}
	}

	private static String readHead(InputStream in) throws IOException {
		StringBuilder head = new StringBuilder();
		while (!head.toString().endsWith("\r\n\r\n")) {
			int b = in.read();
			if (b < 0) {
				break;
			}
			head.append((char) b);
		}
		return head.toString();
	}

	private static void pipe(Socket from, Socket to) {
		try {
			from.getInputStream().transferTo(to.getOutputStream());
			to.shutdownOutput();
		}
		catch (IOException ex) {
			// the other side closed
		}
	}

}
