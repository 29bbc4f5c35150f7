package dev.apiorm.conformance.conventions;

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
 * The YAML snippets of {@code docs/choosing-a-dialect.md} are the tagged regions of the
 * files of {@code conventions/} that the integration tests load as their whole
 * configuration, word for word, and every region is shown: each example the page gives is
 * run against its server (or, for PostgREST, on the wire).
 */
class ConventionDocsTests {

	private static final Path PAGE = Path.of("..", "docs", "choosing-a-dialect.md");

	private static final Path CONVENTIONS = Path.of("src", "test", "resources", "conventions");

	private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);

	private static final Pattern REGION = Pattern.compile("# tag::([a-z-]+)\\[\\]\\n(.*?)\\n# end::\\1\\[\\]",
			Pattern.DOTALL);

	@Test
	void everyYamlSnippetIsATaggedRegionOfAFileATestLoadsAndEveryRegionIsShown() throws IOException {
		List<String> regions = new ArrayList<>();
		try (Stream<Path> files = Files.list(CONVENTIONS)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".yml")).sorted().toList()) {
				Matcher region = REGION.matcher(Files.readString(file));
				while (region.find()) {
					regions.add(region.group(2).stripTrailing());
				}
			}
		}
		List<String> snippets = new ArrayList<>();
		Matcher block = YAML_BLOCK.matcher(Files.readString(PAGE));
		while (block.find()) {
			snippets.add(block.group(1).stripTrailing());
		}
		assertThat(regions).as("regions of conventions/*.yml").hasSizeGreaterThanOrEqualTo(6);
		assertThat(snippets).containsExactlyInAnyOrderElementsOf(regions);
	}

}
