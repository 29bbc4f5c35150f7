package dev.apiorm.conformance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the real servers of the conformance tests share: a free port on 127.0.0.1, a
 * process started and stopped with the JVM (each server also stops by itself when its
 * standard input closes), the line it prints when ready, and its records read without
 * api-orm.
 */
public final class ServerProcesses {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ServerProcesses() {
	}

	/**
	 * A port of 127.0.0.1 nothing listens on.
	 * @return the port
	 */
	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Starts a server process, stopped with the JVM, and waits for the line that starts
	 * with {@code READY }; the rest of its output is drained.
	 * @param name the server's name, for threads and messages
	 * @param timeout how long to wait for it to be ready
	 * @param command the command
	 * @return the process and its ready line
	 * @throws Exception when it cannot start or exits before it is ready
	 */
	public static Started start(String name, Duration timeout, String... command) throws Exception {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process), name + "-stop"));
		BufferedReader output = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		String ready = CompletableFuture.supplyAsync(() -> readUntilReady(name, output))
			.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		Thread drain = new Thread(() -> output.lines().forEach((ignored) -> {
		}), name + "-output");
		drain.setDaemon(true);
		drain.start();
		return new Started(process, ready);
	}

	private static String readUntilReady(String name, BufferedReader output) {
		List<String> seen = new ArrayList<>();
		try {
			for (String line = output.readLine(); line != null; line = output.readLine()) {
				if (line.startsWith("READY ")) {
					return line;
				}
				seen.add(line);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		throw new IllegalStateException(name + " exited before it was ready: " + String.join("\n", seen));
	}

	/**
	 * Stops a server: its standard input closed, then destroyed (with its children) if it
	 * does not exit within 10 seconds.
	 * @param process the server's process
	 */
	public static void stop(Process process) {
		try {
			process.getOutputStream().close();
			if (!process.waitFor(10, TimeUnit.SECONDS)) {
				process.descendants().forEach(ProcessHandle::destroy);
				process.destroy();
			}
		}
		catch (IOException | InterruptedException ex) {
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly();
		}
	}

	/**
	 * A body read as JSON.
	 * @param body the body
	 * @return its JSON
	 */
	public static JsonNode json(String body) {
		return JSON.readTree(body);
	}

	/**
	 * A server's answer to a request as JSON, whatever its status.
	 * @param request the request
	 * @return the body
	 */
	public static JsonNode json(HttpRequest request) {
		return JSON.readTree(send(request).body());
	}

	/**
	 * A record as a server holds it.
	 * @param request the request of the record
	 * @return the record, {@code null} when the server answers 404
	 */
	public static @Nullable JsonNode record(HttpRequest request) {
		HttpResponse<String> response = send(request);
		return (response.statusCode() == 404) ? null : JSON.readTree(response.body());
	}

	/**
	 * A server's answer to a request, whatever its status, read without api-orm.
	 * @param request the request
	 * @return the answer, its body as text
	 */
	public static HttpResponse<String> send(HttpRequest request) {
		try {
			return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A started server.
	 *
	 * @param process its process
	 * @param readyLine the line it printed when ready ({@code READY <port> ...})
	 */
	public record Started(Process process, String readyLine) {

	}

}
