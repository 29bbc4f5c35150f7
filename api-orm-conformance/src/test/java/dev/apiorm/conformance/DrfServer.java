package dev.apiorm.conformance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
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

import dev.apiorm.ApiOrm;
import dev.apiorm.ApiOrmBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real Django REST Framework server of {@code conformance/drf}, started once per test
 * run on 127.0.0.1 with Debian's Python, and stopped with the JVM (the server also stops
 * by itself when its standard input closes). Also reads the server's own truth over plain
 * HTTP, to check results against.
 */
public final class DrfServer {

	private static DrfServer instance;

	private final Process process;

	private final String baseUrl;

	private final String token;

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	private DrfServer(Process process, String baseUrl, String token) {
		this.process = process;
		this.baseUrl = baseUrl;
		this.token = token;
	}

	/**
	 * The server, started on first use.
	 * @return the server
	 */
	public static synchronized DrfServer get() {
		if (instance == null) {
			instance = start();
		}
		return instance;
	}

	/**
	 * The server's base URL.
	 * @return {@code http://127.0.0.1:<port>}
	 */
	public String baseUrl() {
		return this.baseUrl;
	}

	/**
	 * The token of the server's account.
	 * @return the token
	 */
	public String token() {
		return this.token;
	}

	/**
	 * A builder of clients of this server: its base URL, and its token with DRF's
	 * {@code Token} scheme.
	 * @return the builder
	 */
	public ApiOrmBuilder client() {
		return ApiOrm.builder().baseUrl(this.baseUrl).token(this.token).authScheme("Token");
	}

	/**
	 * The server's answer to a GET, read without api-orm.
	 */
	JsonNode truth(String pathAndQuery) {
		try {
			HttpResponse<String> response = this.http
				.send(HttpRequest.newBuilder(URI.create(this.baseUrl + pathAndQuery))
					.header("Authorization", "Token " + this.token)
					.build(), HttpResponse.BodyHandlers.ofString());
			return this.json.readTree(response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static DrfServer start() {
		Path serve = Path.of(System.getProperty("drf.serve", "../conformance/drf/serve.py")).toAbsolutePath();
		String python = python();
		int port = freePort();
		try {
			Process process = new ProcessBuilder(python, serve.toString(), String.valueOf(port))
				.redirectErrorStream(true)
				.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process), "drf-server-stop"));
			BufferedReader output = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
			CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> readUntilReady(output));
			String line = ready.get(120, TimeUnit.SECONDS);
			Thread drain = new Thread(() -> output.lines().forEach((ignored) -> {
			}), "drf-server-output");
			drain.setDaemon(true);
			drain.start();
			String[] parts = line.split(" ");
			return new DrfServer(process, "http://127.0.0.1:" + parts[1], parts[2]);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not start the DRF conformance server with " + python + " " + serve
					+ " (.ci/run installs python3-django, python3-djangorestframework, python3-django-filters "
					+ "and gunicorn)", ex);
		}
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
		throw new IllegalStateException("The DRF server exited before it was ready: " + String.join("\n", seen));
	}

	private static void stop(Process process) {
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
	 * The first {@code python3} that can import Django, DRF, django-filter and gunicorn:
	 * Debian's, not one of a version manager's that cannot see Debian's packages.
	 */
	private static String python() {
		List<String> candidates = new ArrayList<>(List.of("/usr/bin/python3"));
		for (String directory : System.getenv().getOrDefault("PATH", "").split(":")) {
			Path candidate = Path.of(directory, "python3");
			if (Files.isExecutable(candidate)) {
				candidates.add(candidate.toString());
			}
		}
		for (String candidate : candidates) {
			try {
				Process probe = new ProcessBuilder(candidate, "-c",
						"import django, rest_framework, django_filters, gunicorn")
					.redirectErrorStream(true)
					.start();
				if (probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0) {
					return candidate;
				}
			}
			catch (IOException ex) {
				// not usable; try the next
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		throw new IllegalStateException("No python3 on this machine can import django, rest_framework, "
				+ "django_filters and gunicorn; tried " + candidates + " (.ci/run installs them)");
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
