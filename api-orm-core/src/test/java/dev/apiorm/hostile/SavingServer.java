package dev.apiorm.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A raw socket server on 127.0.0.1 holding one record, {@code /sheets/1/}, that applies
 * each {@code PATCH} to it and answers in one of the ways servers do that make concurrent
 * saves of one instance hard: the whole record late (after the answers to later
 * {@code PATCH}es), only the fields patched, or no body at all. It counts the
 * {@code GET}s and {@code PATCH}es it read.
 */
final class SavingServer implements AutoCloseable {

	/**
	 * How a {@code PATCH} is answered.
	 */
	enum Answer {

		/** The whole record as the {@code PATCH} left it, held back 0-4 ms. */
		WHOLE_LATE,

		/** The id and the fields patched. */
		PATCHED_FIELDS,

		/** {@code 204 No Content}. */
		NO_CONTENT

	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ServerSocket socket;

	private final Answer answer;

	private final AtomicInteger gets = new AtomicInteger();

	private final AtomicInteger patches = new AtomicInteger();

	private ObjectNode record = JSON.createObjectNode();

	SavingServer(Answer answer) throws IOException {
		this.answer = answer;
		this.socket = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(this::accept, "saving-server");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.socket.getLocalPort();
	}

	int gets() {
		return this.gets.get();
	}

	int patches() {
		return this.patches.get();
	}

	/** Starts over with a record whose fields all hold a value. */
	synchronized void reset(int fields, String value) {
		this.record = JSON.createObjectNode().put("id", 1);
		for (int i = 0; i < fields; i++) {
			this.record.put("f" + i, value);
		}
		this.gets.set(0);
		this.patches.set(0);
	}

	synchronized JsonNode record() {
		return this.record.deepCopy();
	}

	private synchronized String apply(JsonNode patch) {
		ObjectNode patched = JSON.createObjectNode().put("id", 1);
		for (Map.Entry<String, JsonNode> field : patch.properties()) {
			this.record.set(field.getKey(), field.getValue());
			patched.set(field.getKey(), field.getValue());
		}
		return (this.answer == Answer.PATCHED_FIELDS) ? patched.toString() : this.record.toString();
	}

	private void accept() {
		while (!this.socket.isClosed()) {
			try {
				Socket client = this.socket.accept();
				Thread handler = new Thread(() -> serve(client), "saving-connection");
				handler.setDaemon(true);
				handler.start();
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
				if (head.startsWith("PATCH ")) {
					this.patches.incrementAndGet();
					String body = apply(JSON.readTree(readBody(in, head)));
					if (this.answer == Answer.NO_CONTENT) {
						out.write("HTTP/1.1 204 No Content\r\n\r\n".getBytes(StandardCharsets.UTF_8));
					}
					else {
						if (this.answer == Answer.WHOLE_LATE) {
							Thread.sleep(ThreadLocalRandom.current().nextInt(5));
						}
						out.write(ok(body));
					}
				}
				else {
					this.gets.incrementAndGet();
					out.write(ok(record().toString()));
				}
				out.flush();
			}
		}
		catch (IOException | InterruptedException ex) {
			// The client went away.
		}
	}

	private static byte[] ok(String body) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		return ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n\r\n"
				+ body)
			.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] readBody(InputStream in, String head) throws IOException {
		int length = 0;
		for (String line : head.split("\r\n")) {
			if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
				length = Integer.parseInt(line.substring(15).trim());
			}
		}
		return in.readNBytes(length);
	}

	/**
	 * The request head, up to and without the empty line; {@code null} at end of stream.
	 */
	private static String readHead(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int matched = 0;
		while (matched < 4) {
			int next = in.read();
			if (next < 0) {
				return null;
			}
			head.write(next);
			matched = (next == "\r\n\r\n".charAt(matched)) ? matched + 1 : (next == '\r') ? 1 : 0;
		}
		return head.toString(StandardCharsets.ISO_8859_1);
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

}
