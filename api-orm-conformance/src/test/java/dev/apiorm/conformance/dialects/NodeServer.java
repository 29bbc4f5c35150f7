package dev.apiorm.conformance.dialects;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import dev.apiorm.conformance.ServerProcesses;

/**
 * A real Node.js server of the conformance dataset ({@code conformance/json-server},
 * {@code conformance/jsonapi-server}; each installed by the build with {@code npm ci}) on
 * 127.0.0.1. It stops when the JVM does, and by itself when its standard input closes.
 */
final class NodeServer implements AutoCloseable {

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
	static NodeServer start(String name, String module) {
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
						Dataset.FILE.toString())
				.process();
			return new NodeServer(process, "http://127.0.0.1:" + port);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not start " + module + " from " + home, ex);
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
		return ServerProcesses.record(HttpRequest.newBuilder(URI.create(this.baseUrl + path)).build());
	}

	@Override
	public void close() {
		ServerProcesses.stop(this.process);
	}

}
