package dev.apiorm.dialect;

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
 * The dialect SPI ({@code dev.apiorm.dialect}) does not depend on its implementations,
 * and no implementation depends on the list of built-in ones: the packages form no cycle.
 * Read from the sources, imports and fully qualified names alike.
 */
class DialectPackagesTests {

	private static final Path DIALECT = Path.of("src", "main", "java", "dev", "apiorm", "dialect");

	private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

	private static final Pattern REFERENCE = Pattern.compile("dev\\.apiorm\\.dialect\\.([a-z]+)\\.");

	@Test
	void theSpiReferencesNoPackageBelowIt() throws IOException {
		List<String> references = new ArrayList<>();
		try (Stream<Path> files = Files.list(DIALECT)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".java")).toList()) {
				Matcher matcher = REFERENCE.matcher(code(file));
				while (matcher.find()) {
					references.add(file.getFileName() + " -> dev.apiorm.dialect." + matcher.group(1));
				}
			}
		}
		assertThat(Files.isDirectory(DIALECT)).isTrue();
		assertThat(references).isEmpty();
	}

	@Test
	void noImplementationReferencesTheListOfBuiltInDialects() throws IOException {
		List<String> references = new ArrayList<>();
		try (Stream<Path> files = Files.walk(DIALECT)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".java")).toList()) {
				boolean builtInPackage = file.getParent().getFileName().toString().equals("builtin");
				if (!builtInPackage && code(file).contains("dev.apiorm.dialect.builtin")) {
					references.add(DIALECT.relativize(file).toString());
				}
			}
		}
		assertThat(references).isEmpty();
	}

	/**
	 * A source file without its comments.
	 */
	private static String code(Path file) throws IOException {
		return COMMENT.matcher(Files.readString(file)).replaceAll("");
	}

}
