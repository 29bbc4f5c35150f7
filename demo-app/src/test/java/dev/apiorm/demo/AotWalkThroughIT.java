package dev.apiorm.demo;

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo jar, AOT-processed by the build ({@code spring-boot:process-aot}), started
 * with {@code -Dspring.aot.enabled=true}: it runs on the generated bean definitions
 * instead of the auto-configuration, logs the README's walk-through line for line, and
 * serves its endpoints and Actuator health. This is the JVM half of native readiness; a
 * native image itself is not built here.
 */
class AotWalkThroughIT {

	private static final Pattern LOGGED = Pattern.compile("WalkThrough\\s+: (.*)$");

	private static final Pattern PORT = Pattern.compile("Netty started on port (\\d+)");

	@Test
	void theAotProcessedJarRunsTheWalkThrough() throws Exception {
		Path jar = Path.of(System.getProperty("demo.jar"));
		assertThat(jar).exists();
		Process demo = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
				"-Dspring.aot.enabled=true", "-Dserver.port=0", "-jar", jar.toString())
			.redirectErrorStream(true)
			.start();
		try {
			CompletableFuture<List<String>> output = CompletableFuture.supplyAsync(() -> readUntilDone(demo));
			List<String> lines = output.get(3, TimeUnit.MINUTES);
			assertThat(lines).anySatisfy((line) -> assertThat(line).contains("Starting AOT-processed DemoApplication"));
			List<String> walkThrough = new ArrayList<>();
			String port = null;
			for (String line : lines) {
				Matcher logged = LOGGED.matcher(line);
				if (logged.find()) {
					walkThrough.add(logged.group(1));
				}
				Matcher started = PORT.matcher(line);
				if (started.find()) {
					port = started.group(1);
				}
			}
			assertThat(walkThrough).containsExactlyElementsOf(readmeWalkThrough());
			assertThat(port).as("the port the demo listens on").isNotNull();
			HttpResponse<String> health = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
					.timeout(Duration.ofSeconds(30))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(health.statusCode()).isEqualTo(200);
			assertThat(JsonMapper.builder().build().readTree(health.body()).at("/components/apiOrm/status").asString())
				.isEqualTo("UP");
		}
		finally {
			demo.destroy();
			if (!demo.waitFor(30, TimeUnit.SECONDS)) {
				demo.destroyForcibly();
			}
		}
	}

	/** The demo's output up to the walk-through's last line, or up to its end. */
	private static List<String> readUntilDone(Process demo) {
		List<String> lines = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				lines.add(line);
				if (line.contains("Walk-through done.")) {
					break;
				}
			}
		}
		catch (IOException ex) {
			lines.add("(output unreadable: " + ex + ")");
		}
		return lines;
	}

	private static List<String> readmeWalkThrough() throws IOException {
		String readme = Files.readString(Path.of("..", "README.md"));
		Matcher block = Pattern.compile("```\\n(1\\. Create .*?)```", Pattern.DOTALL).matcher(readme);
		assertThat(block.find()).as("the README's walk-through").isTrue();
		return block.group(1).lines().toList();
	}

}
