package dev.apiorm.conformance.dialects;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real Node.js server of the conformance dataset ({@code conformance/json-server},
 * {@code conformance/jsonapi-server}; each installed by the build with {@code npm ci}) on
 * 127.0.0.1. It stops when the JVM does, and by itself when its standard input closes.
 */
final class NodeServer implements AutoCloseable {

	private final Process process;

	private final String baseUrl;

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	private NodeServer(Process process, String baseUrl) {
		this.process = process;
		this.baseUrl = baseUrl;
	}

	/**
	 * Starts the server of a directory of {@code conformance}.
	 * @param name the directory ({@code json-server})
	 * @param module the npm package it runs, to check that it is installed
	 * @return the server
	 */
	static NodeServer start(String name, String module) {
		Path home = Path.of(System.getProperty("conformance.home", "../conformance"), name)
			.toAbsolutePath()
			.normalize();
		if (!Files.isDirectory(home.resolve("node_modules").resolve(module))) {
			throw new IllegalStateException(module + " is not installed in " + home
					+ ": the build runs 'npm ci' there (.ci/run installs Node.js and npm where they are missing)");
		}
		int port = freePort();
		try {
			Process process = new ProcessBuilder("node", home.resolve("serve.js").toString(), String.valueOf(port),
					Dataset.FILE.toString())
				.redirectErrorStream(true)
				.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process), name + "-stop"));
			BufferedReader output = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
			CompletableFuture.supplyAsync(() -> readUntilReady(output)).get(60, TimeUnit.SECONDS);
			Thread drain = new Thread(() -> output.lines().forEach((ignored) -> {
			}), name + "-output");
			drain.setDaemon(true);
			drain.start();
			return new NodeServer(process, "http://127.0.0.1:" + port);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not start " + module + " from " + home, ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String baseUrl() {
		return this.baseUrl;
	}

	/**
	 * A record as the server holds it, {@code null} when it has none.
	 * @param path the record's path ({@code /books/3})
	 */
	@Nullable JsonNode record(String path) {
		try {
			HttpResponse<String> response = this.http.send(
					HttpRequest.newBuilder(URI.create(this.baseUrl + path)).build(),
					HttpResponse.BodyHandlers.ofString());
			return (response.statusCode() == 404) ? null : this.json.readTree(response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		stop(this.process);
	}

	private static String readUntilReady(BufferedReader output) {
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
			throw new IllegalStateException(ex);
		}
		throw new IllegalStateException("The server exited before it was ready: " + String.join("\n", seen));
	}

	private static void stop(Process process) {
		try {
			process.getOutputStream().close();
			if (!process.waitFor(10, TimeUnit.SECONDS)) {
				process.destroy();
			}
		}
		catch (IOException | InterruptedException ex) {
			process.destroyForcibly();
		}
	}

}
