package dev.apiorm.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

import dev.apiorm.core.mapping.ApiMappingContext;
import dev.apiorm.test.FakeApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's complete example is a project that builds and runs as printed: its files
 * are copied out of {@code README.md} (each block starts with its path), built with
 * {@code mvn -B package} (which runs the example's own test), and the jar is started with
 * {@code java -jar} against a {@link FakeApi}, as the README says to run it.
 */
class ReadmeExampleIT {

	private static final Pattern FILE_BLOCK = Pattern
		.compile("```(?:xml|yaml|java)\\n(?:<!-- (\\S+) -->|# (\\S+)|// (\\S+))\\n(.*?)```", Pattern.DOTALL);

	@Test
	void theExampleBuildsAndOnboardsAUserAsPrinted() throws Exception {
		Path project = Path.of(System.getProperty("readme.project"));
		List<String> files = extract(Path.of(System.getProperty("readme")), project);
		assertThat(files).containsExactlyInAnyOrder("pom.xml", "src/main/resources/application.yml",
				"src/main/java/com/example/onboarding/User.java", "src/main/java/com/example/onboarding/UserApi.java",
				"src/main/java/com/example/onboarding/Onboarding.java",
				"src/main/java/com/example/onboarding/OnboardingApplication.java",
				"src/test/java/com/example/onboarding/OnboardingTests.java");

		Process build = new ProcessBuilder(System.getProperty("readme.mavenWrapper"), "-B", "-q", "package",
				"-Dmaven.repo.local=" + System.getProperty("readme.localRepository"),
				"-Dmaven.repo.local.tail=" + System.getProperty("readme.localRepositoryTail"))
			.directory(project.toFile())
			.redirectErrorStream(true)
			.redirectOutput(project.resolve("build.log").toFile())
			.start();
		assertThat(build.waitFor(8, TimeUnit.MINUTES)).as("mvn package finished").isTrue();
		assertThat(build.exitValue()).as(Files.readString(project.resolve("build.log"))).isZero();
		Path jar = project.resolve("target/onboarding-0.0.1-SNAPSHOT.jar");
		assertThat(jar).isRegularFile();

		try (FakeApi api = FakeApi.start()) {
			// The fake serves the endpoints of models it knows: the demo's User has the
			// example's endpoint.
			ApiMappingContext models = new ApiMappingContext();
			models.getRequiredEntity(User.class);
			api.useModels(models);
			ProcessBuilder run = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-jar",
					jar.toString(), "ann@example.com", "Ann")
				.directory(project.toFile())
				.redirectErrorStream(true)
				.redirectOutput(project.resolve("run.log").toFile());
			run.environment().putAll(Map.of("API_BASE_URL", api.baseUrl(), "API_TOKEN", "t0ken"));
			Process application = run.start();
			assertThat(application.waitFor(2, TimeUnit.MINUTES)).as("the application ended").isTrue();
			String output = Files.readString(project.resolve("run.log"));
			assertThat(application.exitValue()).as(output).isZero();
			assertThat(output).contains("onboarded ann@example.com as member (id 1)").doesNotContain("t0ken");
			// The empty answer is proven on the (empty) collection before the create.
			assertThat(api.requests()).containsExactly("GET /api/v1/users/?email=ann%40example.com&limit=2",
					"GET /api/v1/users/", "POST /api/v1/users/ {\"email\":\"ann@example.com\",\"name\":\"Ann\"}",
					"PATCH /api/v1/users/1/ {\"role\":\"member\"}");
		}
	}

	/**
	 * Writes every code block of the README that starts with a path to that path.
	 * @return the paths written
	 */
	private static List<String> extract(Path readme, Path project) throws IOException {
		FileSystemUtils.deleteRecursively(project);
		List<String> written = new ArrayList<>();
		Matcher block = FILE_BLOCK.matcher(Files.readString(readme));
		while (block.find()) {
			String path = (block.group(1) != null) ? block.group(1)
					: (block.group(2) != null) ? block.group(2) : block.group(3);
			Path file = project.resolve(path);
			Files.createDirectories(file.getParent());
			Files.writeString(file,
					block.group(0).substring(block.group(0).indexOf('\n') + 1, block.group(0).length() - 3),
					StandardCharsets.UTF_8);
			written.add(path);
		}
		return written;
	}

}
