package dev.apiorm.conformance;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A real Node.js server of the conformance dataset (a directory of {@code conformance}
 * holding a {@code serve.js} and a {@code package-lock.json}; each installed by the build
 * with {@code npm ci}) on 127.0.0.1. It stops when the JVM does, and by itself when its
 * standard input closes.
 */
public final class NodeServer implements AutoCloseable {

	private static final Path BOOKS = Path.of(System.getProperty("conformance.books", "../conformance/books.json"))
		.toAbsolutePath()
		.normalize();

	private final Process process;

	private final String baseUrl;

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
	public static NodeServer start(String name, String module) {
		Path home = Path.of(System.getProperty("conformance.home", "../conformance"), name)
			.toAbsolutePath()
			.normalize();
		if (!Files.isDirectory(home.resolve("node_modules").resolve(module))) {
			throw new IllegalStateException(module + " is not installed in " + home
					+ ": the build runs 'npm ci' there (.ci/run installs Node.js and npm where they are missing)");
		}
		int port = ServerProcesses.freePort();
		try {
			Process process = ServerProcesses
				.start(name, Duration.ofSeconds(60), "node", home.resolve("serve.js").toString(), String.valueOf(port),
						BOOKS.toString())
				.process();
			return new NodeServer(process, "http://127.0.0.1:" + port);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not start " + module + " from " + home, ex);
		}
	}

	/**
	 * The server's base URL.
	 * @return {@code http://127.0.0.1:<port>}
	 */
	public String baseUrl() {
		return this.baseUrl;
	}

	/**
	 * A record as the server holds it, {@code null} when it has none.
	 * @param path the record's path ({@code /books/3})
	 * @return the record
	 */
	public @Nullable JsonNode record(String path) {
		return ServerProcesses.record(HttpRequest.newBuilder(URI.create(this.baseUrl + path)).build());
	}

	@Override
	public void close() {
		ServerProcesses.stop(this.process);
	}

}
