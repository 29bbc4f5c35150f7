package dev.apiorm.test.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Java snippets of the reference documentation are the tagged regions of
 * {@link DocsExamplesTests} and its models, word for word, so that they compile and run
 * ({@code docs/dialects.md} is checked by the core module's {@code AcmeDialectTests}).
 */
class DocsShowTheirExamplesTests {

	private static final Path DOCS = Path.of("..", "docs");

	private static final Path SOURCES = Path.of("src", "test", "java", "dev", "apiorm", "test", "docs");

	private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

	private static final Pattern REGION = Pattern.compile("// tag::([a-z-]+)\\[\\]\\n(.*?)\\n[\\t ]*// end::\\1\\[\\]",
			Pattern.DOTALL);

	@Test
	void everyJavaSnippetOfTheDocsIsATaggedRegionOfTheExamples() throws IOException {
		List<String> regions = new ArrayList<>();
		try (Stream<Path> sources = Files.list(SOURCES)) {
			for (Path source : sources.toList()) {
				Matcher region = REGION.matcher(Files.readString(source));
				while (region.find()) {
					regions.add(normalize(region.group(2)));
				}
			}
		}
		List<String> snippets = new ArrayList<>();
		try (Stream<Path> pages = Files.list(DOCS)) {
			for (Path page : pages.filter((path) -> !path.endsWith("dialects.md")).toList()) {
				Matcher block = JAVA_BLOCK.matcher(Files.readString(page));
				while (block.find()) {
					snippets.add(normalize(block.group(1)));
				}
			}
		}
		assertThat(snippets).as("Java snippets of docs/").hasSizeGreaterThanOrEqualTo(10);
		assertThat(regions).containsAll(snippets);
	}

	/**
	 * The text without the indentation all its lines share, tabs as in the sources.
	 */
	private static String normalize(String text) {
		List<String> lines = text.stripTrailing().lines().toList();
		int indent = lines.stream()
			.filter((line) -> !line.isBlank())
			.mapToInt((line) -> line.length() - line.stripLeading().length())
			.min()
			.orElse(0);
		StringBuilder normalized = new StringBuilder();
		for (String line : lines) {
			normalized.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
		}
		return normalized.toString().stripTrailing();
	}

}
