package dev.apiorm.instances;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Debian's redis-server on 127.0.0.1, started by {@code conformance/redis/serve.sh} on a
 * free port (or a given one, to start it again where it was), ready once the script says
 * {@code READY}; stopped by closing the script's standard input, also when the JVM ends.
 */
final class RedisServer implements AutoCloseable {

	private final int port;

	private final Process process;

	private RedisServer(int port, Process process) {
		this.port = port;
		this.process = process;
	}

	/**
	 * Starts a server on a free port.
	 * @return the server
	 */
	static RedisServer start() {
		return start(freePort());
	}

	/**
	 * Starts a server on a port.
	 * @param port the port
	 * @return the server, ready
	 */
	static RedisServer start(int port) {
		String script = System.getProperty("redis.serve", "../conformance/redis/serve.sh");
		try {
			Process process = new ProcessBuilder("bash", script, String.valueOf(port)).redirectErrorStream(true)
				.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process), "redis-stop"));
			BufferedReader output = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
			CompletableFuture.supplyAsync(() -> readUntilReady(output)).get(30, TimeUnit.SECONDS);
			Thread drain = new Thread(() -> output.lines().forEach((line) -> {
			}), "redis-output");
			drain.setDaemon(true);
			drain.start();
			return new RedisServer(port, process);
		}
		catch (Exception ex) {
			throw new IllegalStateException("redis-server could not be started (is Debian's redis-server "
					+ "installed? .ci/prerequisites installs it)", ex);
		}
	}

	int port() {
		return this.port;
	}

	@Override
	public void close() {
		stop(this.process);
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
			throw new UncheckedIOException(ex);
		}
		throw new IllegalStateException("redis-server exited before it was ready: " + String.join("\n", seen));
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
