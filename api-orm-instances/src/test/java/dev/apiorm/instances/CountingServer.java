package dev.apiorm.instances;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * An HTTP server in the test JVM that answers every {@code GET /api/v1/counted/<id>/}
 * with a record and notes when each request arrived, to count the requests of any window
 * of time.
 */
final class CountingServer implements AutoCloseable {

	/** Arrival times, in {@link System#nanoTime()}'s scale. */
	private final ConcurrentLinkedQueue<Long> arrivals = new ConcurrentLinkedQueue<>();

	private final DisposableServer server;

	CountingServer() {
		this.server = HttpServer.create().host("127.0.0.1").port(0).handle((request, response) -> {
			this.arrivals.add(System.nanoTime());
			String id = request.uri().replaceAll("^.*/(\\d+)/$", "$1");
			return response.header("Content-Type", "application/json")
				.sendString(Mono.just("{\"id\":" + id + ",\"name\":\"counted " + id + "\"}"))
				.then();
		}).bindNow();
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.server.port();
	}

	/** Forgets the requests seen so far. */
	void reset() {
		this.arrivals.clear();
	}

	/** The arrival times seen since the last reset, in order. */
	List<Long> arrivals() {
		List<Long> times = new ArrayList<>(this.arrivals);
		times.sort(null);
		return times;
	}

	/**
	 * The most requests that arrived within any window of a length.
	 * @param window the window's length
	 * @return the count
	 */
	int mostWithin(Duration window) {
		List<Long> sorted = arrivals();
		int most = 0;
		int first = 0;
		for (int last = 0; last < sorted.size(); last++) {
			while (sorted.get(last) - sorted.get(first) >= window.toNanos()) {
				first++;
			}
			most = Math.max(most, last - first + 1);
		}
		return most;
	}

	/** The arrivals as offsets from the first, for messages. */
	String offsets() {
		List<Long> sorted = arrivals();
		return sorted.stream().map((time) -> (time - sorted.get(0)) / 1_000_000 + " ms").toList().toString();
	}

	@Override
	public void close() {
		this.server.disposeNow();
	}

}
