package dev.apiorm.hostile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * A raw socket server on 127.0.0.1 whose answers stop half way and never finish, chosen
 * by the {@code fault} query parameter of a page request:
 * <ul>
 * <li>{@code stall-before-answer}: reads the request and writes nothing;</li>
 * <li>{@code stall-in-headers}: writes the status line and part of the headers;</li>
 * <li>{@code stall-in-body}: writes the headers, then the first record of a page;</li>
 * <li>{@code unavailable}: a complete 503, which the client waits its backoff for before
 * it sends the request again;</li>
 * <li>anything else: a complete page of two records.</li>
 * </ul>
 * A stalled answer holds its connection open until the client closes it. The server
 * counts the connections it holds open, those of them that stalled, and any request that
 * arrives on a connection whose answer stalled: HTTP/1.1 cannot use such a connection
 * again, so a request there means the client's pool handed out a broken connection. The
 * {@code call} query parameter names a request for the listener, which hears of each step
 * of its answer as soon as the step's bytes are flushed.
 */
final class StallingServer implements AutoCloseable {

	/** A step of an answer, after which the listener is told. */
	enum Step {

		/** The request was read; nothing was written. */
		REQUEST_READ,

		/** The status line and part of the headers were written. */
		HEADERS_PARTLY_WRITTEN,

		/** The headers were written, no byte of the body yet. */
		HEADERS_WRITTEN,

		/** The headers and the first record of the body were written. */
		BODY_PARTLY_WRITTEN,

		/** A complete answer was written. */
		ANSWERED

	}

	private final ServerSocket socket;

	private final BiConsumer<Integer, Step> listener;

	private final AtomicInteger accepted = new AtomicInteger();

	private final AtomicInteger requests = new AtomicInteger();

	private final AtomicInteger requestsOnStalled = new AtomicInteger();

	private final Map<Integer, AtomicInteger> requestsPerCall = new ConcurrentHashMap<>();

	private final Set<Socket> open = ConcurrentHashMap.newKeySet();

	private final Set<Socket> stalled = ConcurrentHashMap.newKeySet();

	/** Serves each connection; the thread of a closed one serves the next. */
	private final ExecutorService handlers = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "stalling-connection");
		thread.setDaemon(true);
		return thread;
	});

	/**
	 * A server.
	 * @param listener told of each step of the answer to a request with a {@code call}
	 * parameter, on the connection's thread
	 */
	StallingServer(BiConsumer<Integer, Step> listener) throws IOException {
		this.listener = listener;
		this.socket = new ServerSocket(0, 1000, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(this::accept, "stalling-server");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.socket.getLocalPort();
	}

	/** The connections accepted so far. */
	int accepted() {
		return this.accepted.get();
	}

	/** The requests read so far, on any connection. */
	int requests() {
		return this.requests.get();
	}

	/** The requests read for one call. */
	int requests(int call) {
		AtomicInteger count = this.requestsPerCall.get(call);
		return (count != null) ? count.get() : 0;
	}

	/** The connections the client has not closed yet. */
	int open() {
		return this.open.size();
	}

	/** The open connections whose answer stalled: never usable again. */
	int stalled() {
		return this.stalled.size();
	}

	/** The requests that arrived on a connection whose answer had stalled. */
	int requestsOnStalled() {
		return this.requestsOnStalled.get();
	}

	private void accept() {
		while (!this.socket.isClosed()) {
			try {
				Socket client = this.socket.accept();
				this.accepted.incrementAndGet();
				this.open.add(client);
				this.handlers.execute(() -> serve(client));
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void serve(Socket client) {
		try (client) {
			InputStream in = client.getInputStream();
			OutputStream out = client.getOutputStream();
			String head;
			while ((head = readHead(in)) != null) {
				this.requests.incrementAndGet();
				if (this.stalled.contains(client)) {
					this.requestsOnStalled.incrementAndGet();
				}
				String requestLine = head.substring(0, head.indexOf('\r'));
				String callParameter = parameter(requestLine, "call");
				Integer call = (callParameter != null) ? Integer.valueOf(callParameter) : null;
				if (call != null) {
					this.requestsPerCall.computeIfAbsent(call, (key) -> new AtomicInteger()).incrementAndGet();
				}
				String fault = parameter(requestLine, "fault");
				if (fault != null && fault.startsWith("stall-")) {
					this.stalled.add(client);
				}
				answer(out, (fault != null) ? fault : "none", call);
			}
		}
		catch (IOException ex) {
			// The client closed or reset the connection.
		}
		finally {
			this.stalled.remove(client);
			this.open.remove(client);
		}
	}

	private void answer(OutputStream out, String fault, Integer call) throws IOException {
		String page = "{\"count\":2,\"next\":null,\"results\":[{\"id\":\"1\",\"name\":\"U1\"},{\"id\":\"2\",\"name\":\"U2\"}]}";
		switch (fault) {
			case "stall-before-answer" -> tell(call, Step.REQUEST_READ);
			case "stall-in-headers" -> {
				write(out, "HTTP/1.1 200 OK\r\nContent-Type: appl");
				tell(call, Step.HEADERS_PARTLY_WRITTEN);
			}
			case "stall-in-body" -> {
				// More body announced than ever comes.
				write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
						+ (page.length() + 1000) + "\r\n\r\n");
				tell(call, Step.HEADERS_WRITTEN);
				write(out, page.substring(0, page.indexOf("{\"id\":\"2\"")));
				tell(call, Step.BODY_PARTLY_WRITTEN);
			}
			case "unavailable" -> {
				write(out, "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\n"
						+ "Content-Length: 17\r\n\r\n{\"detail\":\"busy\"}");
				tell(call, Step.ANSWERED);
			}
			default -> {
				write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + page.length()
						+ "\r\n\r\n" + page);
				tell(call, Step.ANSWERED);
			}
		}
	}

	private void tell(Integer call, Step step) {
		if (call != null) {
			this.listener.accept(call, step);
		}
	}

	private static void write(OutputStream out, String text) throws IOException {
		out.write(text.getBytes(StandardCharsets.UTF_8));
		out.flush();
	}

	private static String parameter(String requestLine, String name) {
		int start = requestLine.indexOf(name + "=");
		if (start < 0) {
			return null;
		}
		start += name.length() + 1;
		int end = start;
		while (end < requestLine.length() && requestLine.charAt(end) != '&' && requestLine.charAt(end) != ' ') {
			end++;
		}
		return requestLine.substring(start, end);
	}

	/**
	 * The request head, up to and with the empty line; {@code null} at end of stream.
	 */
	private static String readHead(InputStream in) throws IOException {
		StringBuilder head = new StringBuilder();
		int matched = 0;
		while (matched < 4) {
			int next = in.read();
			if (next < 0) {
				return null;
			}
			head.append((char) next);
			matched = (next == "\r\n\r\n".charAt(matched)) ? matched + 1 : (next == '\r') ? 1 : 0;
		}
		return head.toString();
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
		for (Socket client : this.open) {
			client.close();
		}
		this.handlers.shutdownNow();
	}

}
