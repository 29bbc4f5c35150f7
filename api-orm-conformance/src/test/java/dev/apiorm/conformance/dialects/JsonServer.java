package dev.apiorm.conformance.dialects;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
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
 * A real json-server 0.17 ({@code conformance/json-server}, installed by the build with
 * {@code npm ci}) on 127.0.0.1, serving the dataset from memory. It stops when the JVM
 * does, and by itself when its standard input closes.
 */
final class JsonServer implements AutoCloseable {

	private static final Path HOME = Path
		.of(System.getProperty("conformance.json-server", "../conformance/json-server"))
		.toAbsolutePath()
		.normalize();

	private final Process process;

	private final String baseUrl;

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	private JsonServer(Process process, String baseUrl) {
		this.process = process;
		this.baseUrl = baseUrl;
	}

	static JsonServer start() {
		if (!Files.isDirectory(HOME.resolve("node_modules/json-server"))) {
			throw new IllegalStateException("json-server is not installed in " + HOME
					+ ": the build runs 'npm ci' there (.ci/run installs Node.js and npm where they are missing)");
		}
		try {
			Process process = new ProcessBuilder("node", HOME.resolve("serve.js").toString(), "0",
					Dataset.FILE.toString())
				.redirectErrorStream(true)
				.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process), "json-server-stop"));
			BufferedReader output = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
			String ready = CompletableFuture.supplyAsync(() -> readUntilReady(output)).get(60, TimeUnit.SECONDS);
			Thread drain = new Thread(() -> output.lines().forEach((ignored) -> {
			}), "json-server-output");
			drain.setDaemon(true);
			drain.start();
			return new JsonServer(process, "http://127.0.0.1:" + ready.substring("READY ".length()).trim());
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not start json-server from " + HOME, ex);
		}
	}

	String baseUrl() {
		return this.baseUrl;
	}

	/**
	 * A record as the server holds it, {@code null} when it has none.
	 */
	@Nullable JsonNode record(long id) {
		try {
			HttpResponse<String> response = this.http.send(
					HttpRequest.newBuilder(URI.create(this.baseUrl + "/books/" + id)).build(),
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
		throw new IllegalStateException("json-server exited before it was ready: " + String.join("\n", seen));
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
