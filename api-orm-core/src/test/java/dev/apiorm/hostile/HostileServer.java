package dev.apiorm.hostile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw socket server on 127.0.0.1 that misbehaves as production networks do. The
 * behaviour is chosen by the request path ({@code /api/v1/users/<name>/} for one record,
 * {@code /api/v1/users/?fault=<name>} for a page; {@code fault=fails-later&error=<text>}
 * serves two pages, the second with a record named by the text); {@code /api/v1/users/0/}
 * is always answered properly, to show that the client's pool still works. It counts the
 * requests it read, per path.
 */
final class HostileServer implements AutoCloseable {

	private final ServerSocket socket;

	private final List<String> requests = new CopyOnWriteArrayList<>();

	private final Map<String, AtomicInteger> perPath = new ConcurrentHashMap<>();

	private final List<Socket> held = new CopyOnWriteArrayList<>();

	HostileServer() throws IOException {
		this.socket = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(this::accept, "hostile-server");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	int port() {
		return this.socket.getLocalPort();
	}

	String baseUrl() {
		return "http://127.0.0.1:" + port();
	}

	/** The request lines read, in order. */
	List<String> requests() {
		return this.requests;
	}

	/** How many requests for paths containing {@code fragment} were read. */
	long count(String fragment) {
		return this.requests.stream().filter((line) -> line.contains(fragment)).count();
	}

	private void accept() {
		while (!this.socket.isClosed()) {
			try {
				Socket client = this.socket.accept();
				Thread handler = new Thread(() -> serve(client), "hostile-connection");
				handler.setDaemon(true);
				handler.start();
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void serve(Socket client) {
		try {
			InputStream in = client.getInputStream();
			OutputStream out = client.getOutputStream();
			while (true) {
				String head = readHead(in);
				if (head == null) {
					client.close();
					return;
				}
				String requestLine = head.substring(0, head.indexOf('\r'));
				this.requests.add(requestLine);
				String path = requestLine.split(" ")[1];
				int times = this.perPath.computeIfAbsent(path, (key) -> new AtomicInteger()).incrementAndGet();
				if (!answer(client, out, path, times)) {
					return;
				}
			}
		}
		catch (IOException | InterruptedException ex) {
			// The client went away.
		}
	}

	/**
	 * Answers one request; {@code false} when the connection is gone afterwards.
	 */
	private boolean answer(Socket client, OutputStream out, String path, int times)
			throws IOException, InterruptedException {
		String fault = fault(path);
		switch (fault) {
			case "0" -> ok(out, record(0));
			case "reset" -> {
				reset(client);
				return false;
			}
			case "reset-mid-body" -> {
				out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n"
						+ "{\"id\":1,\"na")
					.getBytes(StandardCharsets.UTF_8));
				out.flush();
				Thread.sleep(50);
				reset(client);
				return false;
			}
			case "close-without-answer" -> {
				client.close();
				return false;
			}
			case "truncated" -> {
				out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n"
						+ "{\"id\":1,")
					.getBytes(StandardCharsets.UTF_8));
				out.flush();
				client.close();
				return false;
			}
			case "garbage" -> {
				out.write("\u0000\u00ffSSH-2.0-not-http\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
				out.flush();
				client.close();
				return false;
			}
			case "hold" -> {
				this.held.add(client);
				return false;
			}
			case "drip-headers", "drip-body" -> {
				byte[] response = response(200, "application/json", recordAt(path, 1));
				int bodyStart = response.length - recordAt(path, 1).length();
				for (int i = 0; i < response.length; i++) {
					out.write(response[i]);
					out.flush();
					if (fault.equals("drip-headers") || i >= bodyStart) {
						Thread.sleep(100);
					}
				}
			}
			case "smuggle" -> {
				// Two responses in one write: the second must not answer another request.
				out.write(response(200, "application/json", recordAt(path, 1)));
				out.write(response(200, "application/json", record(666)));
				out.flush();
			}
			case "json-null" -> ok(out, "null");
			case "wrong-shape" -> ok(out, "[1,2,3]");
			case "html-502" -> out.write(response(502, "text/html", "<html><body>Bad gateway</body></html>"));
			case "redirect" -> {
				out.write(("HTTP/1.1 301 Moved Permanently\r\nLocation: http://evil.example/\r\n"
						+ "Content-Length: 0\r\n\r\n")
					.getBytes(StandardCharsets.UTF_8));
				out.flush();
			}
			case "oversized" -> ok(out, "{\"id\":1,\"name\":\"" + "x".repeat(64 * 1024) + "\"}");
			case "503-then-ok" -> {
				if (times == 1) {
					out.write(response(503, "application/json", "{\"detail\":\"busy\"}"));
				}
				else {
					ok(out, recordAt(path, 1));
				}
			}
			case "429-retry-after-then-ok" -> {
				if (times == 1) {
					out.write(("HTTP/1.1 429 Too Many Requests\r\nRetry-After: 1\r\nContent-Length: 0\r\n\r\n")
						.getBytes(StandardCharsets.UTF_8));
				}
				else {
					ok(out, recordAt(path, 1));
				}
			}
			case "reset-then-ok" -> {
				if (times == 1) {
					reset(client);
					return false;
				}
				ok(out, recordAt(path, 1));
			}
			case "loop-self" -> ok(out, page(path, "[" + record(1) + "]", 9));
			case "loop-a" -> ok(out, page("/api/v1/users/?fault=loop-b", "[" + record(1) + "]", 9));
			case "loop-b" -> ok(out, page("/api/v1/users/?fault=loop-a", "[" + record(2) + "]", 9));
			case "null-record" -> ok(out, page(null, "[" + record(1) + ",null]", 2));
			case "one-page" -> ok(out, page(null, "[" + record(1) + "]", 1));
			case "fails-later" -> ok(out, page("/api/v1/users/?fault=fails-later-2&error=" + parameter(path, "error"),
					"[" + record(1) + "," + record(2) + "]", 3));
			case "fails-later-2" ->
				ok(out, page(null, "[{\"id\":3,\"name\":\"" + parameter(path, "error") + "\"}]", 3));
			case "garbage-page" -> ok(out, "{\"count\":2,\"results\":[{\"id\":1,");
			case "malformed-next" ->
				ok(out, "{\"count\":9,\"next\":\"http://[::bad\",\"results\":[" + record(1) + "]}");
			case "foreign-next" -> ok(out, page("http://evil.example/api/v1/users/", "[" + record(1) + "]", 9));
			case "beyond-count" -> ok(out, page("/api/v1/users/?fault=beyond-count&n=" + times,
					"[" + record(times * 2 - 1) + "," + record(times * 2) + "]", 3));
			default -> out.write(response(404, "application/json", "{\"detail\":\"Not found.\"}"));
		}
		out.flush();
		return true;
	}

	private static String parameter(String path, String name) {
		int start = path.indexOf(name + "=");
		if (start < 0) {
			return "";
		}
		int end = path.indexOf('&', start);
		return path.substring(start + name.length() + 1, (end > 0) ? end : path.length());
	}

	private static String fault(String path) {
		int query = path.indexOf("fault=");
		if (query >= 0) {
			int end = path.indexOf('&', query);
			return path.substring(query + 6, (end > 0) ? end : path.length());
		}
		String[] segments = path.split("/");
		// A suffix keeps the paths of the two faces apart: 503-then-ok-reactive.
		return segments[segments.length - 1].replaceFirst("-(blocking|reactive)$", "");
	}

	/**
	 * The record a record URL asks for, as a real API answers it: its id is the URL's
	 * last segment.
	 */
	private static String recordAt(String path, int number) {
		String id = path.replaceAll("^.*/([^/?]+)/?(\\?.*)?$", "$1");
		return "{\"id\":\"" + id + "\",\"name\":\"U" + number + "\"}";
	}

	private static String record(int id) {
		return "{\"id\":" + id + ",\"name\":\"U" + id + "\"}";
	}

	private static String page(String next, String results, int count) {
		return "{\"count\":" + count + ",\"next\":" + ((next != null) ? "\"" + next + "\"" : "null") + ",\"results\":"
				+ results + "}";
	}

	private static void ok(OutputStream out, String body) throws IOException {
		out.write(response(200, "application/json", body));
	}

	private static byte[] response(int status, String contentType, String body) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		return ("HTTP/1.1 " + status + " X\r\nContent-Type: " + contentType + "\r\nContent-Length: " + bytes.length
				+ "\r\n\r\n" + body)
			.getBytes(StandardCharsets.UTF_8);
	}

	private static void reset(Socket client) throws IOException {
		client.setSoLinger(true, 0);
		client.close();
	}

	/**
	 * The request head, up to and without the empty line; {@code null} at end of stream.
	 */
	private static String readHead(InputStream in) throws IOException {
		StringBuilder head = new StringBuilder();
		int matched = 0;
		while (matched < 4) {
			int next;
			try {
				next = in.read();
			}
			catch (SocketException ex) {
				return null;
			}
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
		for (Socket client : this.held) {
			client.close();
		}
		this.socket.close();
	}

}
