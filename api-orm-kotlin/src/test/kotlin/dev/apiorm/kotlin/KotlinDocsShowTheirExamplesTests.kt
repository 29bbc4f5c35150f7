package dev.apiorm.kotlin

import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.Test
import java.nio.file.Files
import java.nio.file.Path
import kotlin.io.path.extension
import kotlin.io.path.readText

/**
 * The Kotlin snippets of the reference documentation are the tagged regions of this
 * module's Kotlin sources, word for word, so that they compile and run.
 */
class KotlinDocsShowTheirExamplesTests {

	@Test
	fun everyKotlinSnippetOfTheDocsIsATaggedRegionOfTheSources() {
		val regions = Files.list(SOURCES).use { sources ->
			sources.filter { it.extension == "kt" }.toList()
				.flatMap { source -> REGION.findAll(source.readText()).map { normalize(it.groupValues[2]) }.toList() }
		}
		val snippets = Files.list(DOCS).use { pages ->
			pages.filter { it.extension == "md" }.toList()
				.flatMap { page -> KOTLIN_BLOCK.findAll(page.readText()).map { normalize(it.groupValues[1]) }.toList() }
		}

		assertThat(snippets).`as`("Kotlin snippets of docs/").hasSizeGreaterThanOrEqualTo(5)
		assertThat(regions).containsAll(snippets)
	}

	private companion object {

		val DOCS: Path = Path.of("..", "docs")

		val SOURCES: Path = Path.of("src", "test", "kotlin", "dev", "apiorm", "kotlin")

		val KOTLIN_BLOCK = Regex("```kotlin\\n(.*?)```", RegexOption.DOT_MATCHES_ALL)

		val REGION = Regex("// tag::([a-z-]+)\\[]\\n(.*?)\\n[\\t ]*// end::\\1\\[]", RegexOption.DOT_MATCHES_ALL)

		/**
		 * The text without the indentation all its lines share.
		 */
		fun normalize(text: String): String {
			val lines = text.trimEnd().lines()
			val indent = lines.filter { it.isNotBlank() }.minOfOrNull { it.length - it.trimStart().length } ?: 0
			return lines.joinToString("\n") { if (it.isBlank()) "" else it.substring(indent) }.trimEnd()
		}

	}

}
