package dev.apiorm.reactive;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import dev.apiorm.ApiOrm;
import dev.apiorm.core.ApiClientSettings;
import dev.apiorm.fixtures.User;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code api-orm.pool.max-idle-connections}: after a burst has opened more connections,
 * the pool keeps no more than the limit idle, and still serves.
 */
class IdleConnectionLimitTests {

	@Test
	void aBurstLeavesNoMoreIdleConnectionsThanTheLimit() throws Exception {
		AtomicInteger open = new AtomicInteger();
		AtomicInteger accepted = new AtomicInteger();
		ExecutorService threads = Executors.newCachedThreadPool();
		try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			threads.submit(() -> {
				while (!server.isClosed()) {
					Socket socket = server.accept();
					open.incrementAndGet();
					accepted.incrementAndGet();
					threads.submit(() -> serve(socket, open));
				}
				return null;
			});
			ApiClientSettings.Pool pool = new ApiClientSettings.Pool(10, 2, Duration.ofSeconds(30),
					Duration.ofSeconds(5), -1, false);
			try (ApiOrm orm = ApiOrm.builder()
				.baseUrl("http://127.0.0.1:" + server.getLocalPort())
				.pool(pool)
				.build()) {
				// Six at once, each answered after 300 ms: six connections.
				assertThat(Flux.range(1, 6)
					.flatMap((id) -> orm.reactiveRepository(User.class).get(id), 6)
					.collectList()
					.block(Duration.ofSeconds(10))).hasSize(6);
				assertThat(accepted.get()).isEqualTo(6);
				long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
				while (open.get() > 2 && System.nanoTime() < deadline) {
					Thread.sleep(10);
				}
				assertThat(open.get()).isEqualTo(2);
				// The two kept serve the next calls without a new connection.
				assertThat(orm.repository(User.class).get(1).getId()).isEqualTo(1L);
				assertThat(orm.repository(User.class).get(2).getId()).isEqualTo(2L);
				assertThat(accepted.get()).isEqualTo(6);
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	private static Void serve(Socket socket, AtomicInteger open) {
		try (socket;
				BufferedReader in = new BufferedReader(
						new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))) {
			OutputStream out = socket.getOutputStream();
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				String path = line.split(" ")[1];
				while (!in.readLine().isEmpty()) {
					// headers
				}
				String id = path.replaceAll("^.*/(\\d+)/$", "$1");
				Thread.sleep(300);
				byte[] body = ("{\"id\":" + id + ",\"name\":\"U" + id + "\"}").getBytes(StandardCharsets.UTF_8);
				out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
						+ "\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
				out.write(body);
				out.flush();
			}
		}
		catch (IOException | InterruptedException ex) {
			// the client closed the connection
		}
		finally {
			open.decrementAndGet();
		}
		return null;
	}

}
