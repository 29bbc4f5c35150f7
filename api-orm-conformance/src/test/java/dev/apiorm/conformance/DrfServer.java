package dev.apiorm.conformance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.apiorm.ApiOrm;
import dev.apiorm.ApiOrmBuilder;
import tools.jackson.databind.JsonNode;

/**
 * The real Django REST Framework server of {@code conformance/drf}, started once per test
 * run on 127.0.0.1 with Debian's Python, and stopped with the JVM (the server also stops
 * by itself when its standard input closes). Also reads the server's own truth over plain
 * HTTP, to check results against.
 */
public final class DrfServer {

	private static DrfServer instance;

	private final String baseUrl;

	private final String token;

	private DrfServer(String baseUrl, String token) {
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
		return ServerProcesses.json(HttpRequest.newBuilder(URI.create(this.baseUrl + pathAndQuery))
			.header("Authorization", "Token " + this.token)
			.build());
	}

	private static DrfServer start() {
		Path serve = Path.of(System.getProperty("drf.serve", "../conformance/drf/serve.py")).toAbsolutePath();
		String python = python();
		int port = ServerProcesses.freePort();
		try {
			String[] ready = ServerProcesses
				.start("drf-server", Duration.ofSeconds(120), python, serve.toString(), String.valueOf(port))
				.readyLine()
				.split(" ");
			return new DrfServer("http://127.0.0.1:" + ready[1], ready[2]);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not start the DRF conformance server with " + python + " " + serve
					+ " (.ci/run installs python3-django, python3-djangorestframework, python3-django-filters "
					+ "and gunicorn)", ex);
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

}
