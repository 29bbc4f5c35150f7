package dev.apiorm.instances;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A main class of the test classpath run in a JVM of its own: its output read line by
 * line, its standard input written to; destroyed when closed.
 */
final class ChildJvm implements AutoCloseable {

	private final Process process;

	private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

	private final List<String> seen = new ArrayList<>();

	private ChildJvm(Process process) {
		this.process = process;
		Thread reader = new Thread(() -> {
			try (BufferedReader output = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				output.lines().forEach(this.lines::add);
			}
			catch (IOException | UncheckedIOException ex) {
				// The process ended.
			}
		}, "child-output");
		reader.setDaemon(true);
		reader.start();
	}

	static ChildJvm start(Class<?> main, String... args) throws IOException {
		String java = ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java");
		List<String> command = new ArrayList<>(List.of(java, "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp",
				System.getProperty("java.class.path"), main.getName()));
		command.addAll(List.of(args));
		return new ChildJvm(new ProcessBuilder(command).redirectErrorStream(true).start());
	}

	/**
	 * Waits for the first line that starts with a prefix.
	 * @param prefix the prefix
	 * @param timeout how long to wait
	 * @return the line
	 */
	String awaitLine(String prefix, Duration timeout) throws InterruptedException {
		long end = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() - end < 0) {
			String line = this.lines.poll(100, TimeUnit.MILLISECONDS);
			if (line != null) {
				this.seen.add(line);
				if (line.startsWith(prefix)) {
					return line;
				}
			}
			else if (!this.process.isAlive() && this.lines.isEmpty()) {
				break;
			}
		}
		throw new IllegalStateException(
				"No line " + prefix + " within " + timeout + "; the child said:\n" + String.join("\n", this.seen));
	}

	/**
	 * What the child printed so far, as far as it was read, for messages.
	 * @return the lines, one a line
	 */
	String output() {
		return String.join("\n", this.seen);
	}

	void send(String line) {
		try {
			Writer input = new OutputStreamWriter(this.process.getOutputStream(), StandardCharsets.UTF_8);
			input.write(line + "\n");
			input.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() throws InterruptedException {
		if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
		}
	}

}
