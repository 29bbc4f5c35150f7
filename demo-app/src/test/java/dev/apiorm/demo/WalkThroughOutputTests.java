package dev.apiorm.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The walk-through the demo logs on start is, line for line, the one the README prints.
 * The context is its own (the property below), so that the walk-through runs while this
 * class captures the output.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = WebEnvironment.NONE, properties = "demo.output-test=true")
class WalkThroughOutputTests {

	private static final Pattern LOGGED = Pattern.compile("WalkThrough\\s+: (.*)$", Pattern.MULTILINE);

	@Test
	void logsTheWalkThroughTheReadmePrints(CapturedOutput output) throws IOException {
		List<String> logged = LOGGED.matcher(output.getOut()).results().map((line) -> line.group(1)).toList();
		assertThat(logged).containsExactlyElementsOf(readmeWalkThrough());
	}

	private static List<String> readmeWalkThrough() throws IOException {
		String readme = Files.readString(Path.of("..", "README.md"));
		Matcher block = Pattern.compile("```\\n(1\\. Create .*?)```", Pattern.DOTALL).matcher(readme);
		assertThat(block.find()).as("the README's walk-through").isTrue();
		return block.group(1).lines().toList();
	}

}
